package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ftp and tftp (MITRE T1048), and aria2c (HTTP). */
final class FileTransferParsers {
    private FileTransferParsers() {}

    static NetworkInvocation ftp(ToolCall call) {
        List<Arg> positional = new ArrayList<>();
        Options.scan(call.args, 1, "PorTsu", Set.of(), new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {}

            @Override
            public void positional(Arg arg) {
                positional.add(arg);
            }
        });
        if (!positional.isEmpty()) {
            Arg first = positional.get(0);
            if (Urls.hasScheme(first.text)) {
                for (Arg a : positional) {
                    if (Urls.hasScheme(a.text)) call.url(a, a.text, "ftp");
                }
            } else {
                call.host("ftp", first.text, positional.size() > 1 ? positional.get(1).text : null);
            }
        }
        scriptedPuts(call);
        return call.finish(false);
    }

    static NetworkInvocation tftp(ToolCall call) {
        List<Arg> args = call.args;
        String host = null;
        String port = null;
        for (int i = 1; i < args.size(); i++) {
            String t = args.get(i).text;
            if (t.equals("-m") || t.equals("-R")) { i++; continue; }
            if (t.equals("-c")) {
                // tftp host -c put localfile [remote]: the file is sent.
                if (i + 2 < args.size() && args.get(i + 1).text.equalsIgnoreCase("put")) {
                    Arg file = args.get(i + 2);
                    call.file(file, file.text, false);
                }
                break;
            }
            if (t.startsWith("-")) continue;
            if (host == null) host = t;
            else if (port == null) port = t;
        }
        call.host("tftp", host, port);
        scriptedPuts(call);
        return call.finish(false);
    }

    /** A heredoc or piped ftp script: its {@code put}/{@code send} lines name local files that go out. */
    private static void scriptedPuts(ToolCall call) {
        if (!call.stdin.explicit()) return;
        call.stdin(false);
        if (call.stdin.kind != StdinSource.Kind.TEXT || call.stdin.dynamic) return;
        for (String line : call.stdin.value.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 2) continue;
            String verb = words[0].toLowerCase(Locale.ROOT);
            if (verb.equals("put") || verb.equals("send") || verb.equals("mput") || verb.equals("append")) {
                call.payload(call.ctx.file(words[1], false, call.env.workingDir(), false));
            }
        }
    }

    private static final Set<String> ARIA_LONG_WITH_VALUE = Set.of(
            "dir", "out", "input-file", "max-connection-per-server", "split", "max-concurrent-downloads",
            "header", "http-user", "http-passwd", "ftp-user", "ftp-passwd", "all-proxy", "http-proxy",
            "https-proxy", "ftp-proxy", "user-agent", "referer", "load-cookies", "timeout", "max-tries",
            "log", "checksum", "min-split-size", "seed-time", "bt-tracker");

    static NetworkInvocation aria2c(ToolCall call) {
        Options.scan(call.args, 1, "dosxjiklmtUS", ARIA_LONG_WITH_VALUE, new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (value == null) return;
                switch (name) {
                    case "--header":
                        call.inline(from, value, ToolCall.isCredentialHeader(value));
                        break;
                    case "--http-user": case "--http-passwd": case "--ftp-user": case "--ftp-passwd":
                        call.inline(from, value, true);
                        break;
                    case "-i": case "--input-file":
                        if (AnalysisContext.isStdinPath(value)) {
                            call.stdin(false);
                        } else {
                            String text = from.dynamic ? null : call.ctx.readFile(value, call.env.workingDir());
                            if (text != null) {
                                for (String line : text.split("\n")) {
                                    String u = line.trim();
                                    if (Urls.hasScheme(u)) call.url(from, u, "http");
                                }
                            }
                        }
                        break;
                    default:
                }
            }

            @Override
            public void positional(Arg arg) {
                // aria2c takes several mirrors of one file separated by tabs.
                for (String u : arg.text.split("\t")) {
                    if (!u.isEmpty()) call.url(arg, u, "http");
                }
            }
        });
        return call.finish(true);
    }
}
