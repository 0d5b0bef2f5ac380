package dev.egressguard.engine.shell;

import dev.egressguard.engine.inspect.Inspector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One network tool's command being read by its parser: its input and the invocation it builds. */
final class ToolCall {
    final String tool;
    /** argv of this command, argv[0] included. */
    final List<Arg> args;
    final StdinSource stdin;
    final ShellEnvironment env;
    final AnalysisContext ctx;
    final int depth;
    final String commandLine;
    private final Set<String> destinations = new LinkedHashSet<>();
    private final List<Payload> payloads = new ArrayList<>();

    ToolCall(String tool, List<Arg> args, StdinSource stdin, ShellEnvironment env, AnalysisContext ctx, int depth, String commandLine) {
        this.tool = tool;
        this.args = args;
        this.stdin = stdin;
        this.env = env;
        this.ctx = ctx;
        this.depth = depth;
        this.commandLine = commandLine;
    }

    /** A URL as the tool was given it; its user-info, if any, is a credential payload. */
    void url(Arg from, String raw, String defaultScheme) {
        String normalized = Urls.normalize(raw, defaultScheme);
        if (normalized == null) return;
        destinations.add(normalized);
        String userInfo = Urls.userInfo(raw);
        if (userInfo != null) payloads.add(ctx.inline(from, userInfo, true));
    }

    void host(String scheme, String host, String port) {
        String u = Urls.hostUrl(scheme, host, port);
        if (u != null) destinations.add(u);
    }

    void inline(Arg from, String text, boolean credentialSlot) {
        payloads.add(ctx.inline(from, text, credentialSlot));
    }

    /** A file the tool reads and sends; {@code -} and /dev/stdin mean standard input. */
    void file(Arg from, String path, boolean credentialSlot) {
        if (AnalysisContext.isStdinPath(path)) {
            stdin(credentialSlot);
        } else {
            payloads.add(ctx.file(path, from.dynamic, env.workingDir(), credentialSlot));
        }
    }

    void stdin(boolean credentialSlot) {
        payloads.add(ctx.stdin(stdin, credentialSlot));
    }

    void payload(Payload p) {
        payloads.add(p);
    }

    boolean hasStdinPayload() {
        for (Payload p : payloads) {
            if ("stdin".equals(p.location())) return true;
        }
        return false;
    }

    static boolean isCredentialHeader(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) return false;
        return Inspector.isCredentialHeader(header.substring(0, colon).trim());
    }

    NetworkInvocation finish(boolean http) {
        NetworkInvocation inv = new NetworkInvocation(tool, http, new ArrayList<>(destinations), payloads, commandLine);
        ctx.invocations.add(inv);
        return inv;
    }
}
