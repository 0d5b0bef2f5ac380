package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ssh, scp, sftp, rsync (MITRE T1048): the remote hosts, and the local files they upload. */
final class RemoteShellParsers {
    private RemoteShellParsers() {}

    private static final String SSH_SHORT_WITH_VALUE = "BbcDEeFIiJLlmOoPpQRSWw";
    private static final String SCP_SHORT_WITH_VALUE = "cFiJloPSDX";
    private static final String SFTP_SHORT_WITH_VALUE = "BbcDFiJloPRSs";
    private static final Set<String> RSYNC_LONG_WITH_VALUE = Set.of(
            "exclude", "include", "filter", "rsh", "port", "password-file", "files-from", "temp-dir", "log-file",
            "chmod", "chown", "timeout", "bwlimit", "partial-dir", "backup-dir", "suffix", "block-size", "max-size",
            "min-size", "compare-dest", "link-dest", "copy-dest", "exclude-from", "include-from", "rsync-path",
            "out-format", "log-file-format", "address", "sockopts", "usermap", "groupmap", "contimeout",
            "modify-window", "info", "debug", "skip-compress", "max-delete", "iconv", "checksum-choice",
            "compress-choice", "compress-level", "outbuf", "remote-option", "stop-after", "stop-at", "write-batch",
            "only-write-batch", "read-batch", "protocol", "checksum-seed", "early-input");

    static NetworkInvocation ssh(ToolCall call) {
        List<Arg> positional = new ArrayList<>();
        final String[] port = {null};
        scan(call, SSH_SHORT_WITH_VALUE, port, "-p", positional, true);
        if (!positional.isEmpty()) {
            Arg target = positional.get(0);
            remote(call, target.text, port[0], "ssh");
            // A remote command is text sent to the other host.
            for (int i = 1; i < positional.size(); i++) call.inline(positional.get(i), positional.get(i).text, false);
        }
        if (call.stdin.explicit()) call.stdin(false);
        return call.finish(false);
    }

    static NetworkInvocation scp(ToolCall call) {
        List<Arg> operands = new ArrayList<>();
        final String[] port = {null};
        scan(call, SCP_SHORT_WITH_VALUE, port, "-P", operands, false);
        copy(call, operands, port[0], "ssh");
        return call.finish(false);
    }

    static NetworkInvocation sftp(ToolCall call) {
        List<Arg> positional = new ArrayList<>();
        final String[] port = {null};
        Options.scan(call.args, 1, SFTP_SHORT_WITH_VALUE, Set.of(), new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (name.equals("-P")) port[0] = value;
                if (name.equals("-b") && value != null) call.file(from, value, false);
            }

            @Override
            public void positional(Arg arg) {
                positional.add(arg);
            }
        });
        if (!positional.isEmpty()) remote(call, positional.get(0).text, port[0], "ssh");
        if (call.stdin.explicit() && !call.hasStdinPayload()) call.stdin(false);
        return call.finish(false);
    }

    static NetworkInvocation rsync(ToolCall call) {
        List<Arg> operands = new ArrayList<>();
        final String[] port = {null};
        Options.scan(call.args, 1, "efBTM", RSYNC_LONG_WITH_VALUE, new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (name.equals("--port")) port[0] = value;
                if (name.equals("--files-from") && value != null) call.file(from, value, false);
            }

            @Override
            public void positional(Arg arg) {
                operands.add(arg);
            }
        });
        copy(call, operands, port[0], "rsync");
        return call.finish(false);
    }

    private static void scan(ToolCall call, String shortWithValue, String[] port, String portOption, List<Arg> positional,
                             boolean stopAtFirst) {
        List<Arg> args = call.args;
        for (int i = 1; i < args.size(); i++) {
            Arg a = args.get(i);
            String t = a.text;
            if (!positional.isEmpty() && stopAtFirst) {
                positional.add(a);
                continue;
            }
            if (t.equals("--")) {
                for (int j = i + 1; j < args.size(); j++) positional.add(args.get(j));
                return;
            }
            if (t.length() < 2 || t.charAt(0) != '-') {
                positional.add(a);
                continue;
            }
            for (int j = 1; j < t.length(); j++) {
                char c = t.charAt(j);
                if (shortWithValue.indexOf(c) >= 0) {
                    String value = j + 1 < t.length() ? t.substring(j + 1) : (i + 1 < args.size() ? args.get(++i).text : null);
                    if (("-" + c).equals(portOption)) port[0] = value;
                    if (c == 'o' && value != null && value.toLowerCase(java.util.Locale.ROOT).startsWith("port=")) {
                        port[0] = value.substring(5).trim();
                    }
                    break;
                }
            }
        }
    }

    /** scp/rsync: remote operands are destinations; local sources of an upload are file payloads. */
    private static void copy(ToolCall call, List<Arg> operands, String port, String scheme) {
        if (operands.isEmpty()) return;
        boolean upload = isRemote(operands.get(operands.size() - 1).text);
        for (int i = 0; i < operands.size(); i++) {
            Arg op = operands.get(i);
            if (isRemote(op.text)) {
                remote(call, op.text, port, scheme);
            } else if (upload && i < operands.size() - 1) {
                call.file(op, op.text, false);
            }
        }
    }

    /** user@host:path, host::module, or a URL (ssh://, scp://, sftp://, rsync://). */
    static boolean isRemote(String t) {
        if (Urls.hasScheme(t)) return true;
        int colon = t.indexOf(':');
        if (colon <= 0) return false;
        String before = t.substring(0, colon);
        // A slash before the colon makes it a local path; a single letter is a Windows drive.
        return before.indexOf('/') < 0 && !(before.length() == 1 && Character.isLetter(before.charAt(0)));
    }

    private static void remote(ToolCall call, String target, String port, String defaultScheme) {
        if (Urls.hasScheme(target)) {
            String u = Urls.normalize(target, defaultScheme);
            if (u == null) return;
            String scheme = u.substring(0, u.indexOf("://"));
            String rest = Urls.normalize(target, scheme);
            // Keep only scheme://host[:port]/: the remote path is not part of the destination.
            int slash = rest.indexOf('/', scheme.length() + 3);
            String hostPart = rest.substring(scheme.length() + 3, slash < 0 ? rest.length() : slash);
            String s = scheme.equals("scp") || scheme.equals("sftp") ? "ssh" : scheme;
            String h = hostPart;
            String p = null;
            int c = hostPart.lastIndexOf(':');
            if (c > 0 && !hostPart.endsWith("]")) { h = hostPart.substring(0, c); p = hostPart.substring(c + 1); }
            call.host(s, h.startsWith("[") ? h.substring(1, h.length() - 1) : h, p != null ? p : port);
            return;
        }
        String t = target;
        int at = t.lastIndexOf('@', t.indexOf(':') < 0 ? t.length() - 1 : t.indexOf(':'));
        if (at >= 0) t = t.substring(at + 1);
        String scheme = defaultScheme;
        String host;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            host = close > 0 ? t.substring(1, close) : t;
        } else {
            int colon = t.indexOf(':');
            host = colon >= 0 ? t.substring(0, colon) : t;
            if (defaultScheme.equals("rsync") && !t.contains("::")) scheme = "ssh";
        }
        call.host(scheme, host, port);
    }
}
