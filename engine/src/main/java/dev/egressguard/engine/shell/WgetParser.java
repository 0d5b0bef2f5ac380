package dev.egressguard.engine.shell;

import java.util.Set;

/** wget: its URLs and what it posts (SPEC §7). */
final class WgetParser {
    private WgetParser() {}

    private static final String SHORT_WITH_VALUE = "OoaiBetTwPUQlARDXI";
    private static final Set<String> LONG_WITH_VALUE = Set.of(
            "output-document", "output-file", "append-output", "input-file", "base", "execute", "tries", "timeout",
            "wait", "directory-prefix", "user-agent", "quota", "level", "accept", "reject", "domains",
            "exclude-directories", "include-directories", "header", "post-data", "post-file", "body-data",
            "body-file", "method", "user", "password", "http-user", "http-password", "proxy-user", "proxy-password",
            "ftp-user", "ftp-password", "referer", "load-cookies", "save-cookies", "ca-certificate", "ca-directory",
            "certificate", "certificate-type", "private-key", "private-key-type", "bind-address", "limit-rate",
            "dns-timeout", "connect-timeout", "read-timeout", "waitretry", "restrict-file-names", "local-encoding",
            "remote-encoding", "default-page", "config", "use-askpass", "retry-on-http-error", "report-speed",
            "secure-protocol", "ciphers", "crl-file", "pinnedpubkey", "random-file", "egd-file", "hsts-file",
            "warc-file", "warc-header", "warc-max-size", "warc-cdx", "warc-dedup", "warc-tempdir", "rejected-log",
            "cut-dirs", "progress", "prefer-family", "accept-regex", "reject-regex", "regex-type", "max-redirect",
            "backups", "compression", "e-robots");

    static NetworkInvocation parse(ToolCall call) {
        Options.scan(call.args, 1, SHORT_WITH_VALUE, LONG_WITH_VALUE, new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (value == null) return;
                switch (name) {
                    case "--post-data": case "--body-data":
                        call.inline(from, value, false);
                        break;
                    case "--post-file": case "--body-file":
                        call.file(from, value, false);
                        break;
                    case "--header":
                        call.inline(from, value, ToolCall.isCredentialHeader(value));
                        break;
                    case "--user": case "--password": case "--http-user": case "--http-password":
                    case "--proxy-user": case "--proxy-password": case "--ftp-user": case "--ftp-password":
                        call.inline(from, value, true);
                        break;
                    case "-U": case "--user-agent": case "--referer":
                        call.inline(from, value, false);
                        break;
                    case "-i": case "--input-file":
                        urlsFromFile(call, from, value);
                        break;
                    default:
                        // Output, proxy (-e use_proxy=...) and timing options send nothing.
                }
            }

            @Override
            public void positional(Arg arg) {
                call.url(arg, arg.text, CurlParser.guessScheme(arg.text, "http"));
            }
        });
        return call.finish(true);
    }

    /** -i FILE: the URLs to fetch are in a file (or stdin). */
    private static void urlsFromFile(ToolCall call, Arg from, String path) {
        if (AnalysisContext.isStdinPath(path)) {
            if (call.stdin.kind == StdinSource.Kind.TEXT) addUrls(call, from, call.stdin.value);
            return;
        }
        String text = from.dynamic ? null : call.ctx.readFile(path, call.env.workingDir());
        if (text != null) addUrls(call, from, text);
    }

    private static void addUrls(ToolCall call, Arg from, String text) {
        int n = 0;
        for (String line : text.split("\n")) {
            String u = line.trim();
            if (u.isEmpty() || u.startsWith("#")) continue;
            if (++n > 1000) break;
            call.url(from, u, "http");
        }
    }
}
