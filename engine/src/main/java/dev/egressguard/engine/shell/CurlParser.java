package dev.egressguard.engine.shell;

import java.util.Set;

/** curl: its URLs and everything it sends (SPEC §7). */
final class CurlParser {
    private CurlParser() {}

    private static final String SHORT_WITH_VALUE = "AbcCdDeEFHKmoPQrtTuUwxXyYz";
    private static final Set<String> LONG_WITH_VALUE = Set.of(
            "data", "data-raw", "data-binary", "data-ascii", "data-urlencode", "json", "form", "form-string",
            "upload-file", "header", "user", "cookie", "url-query", "url", "request", "proxy", "preproxy",
            "resolve", "connect-to", "output", "user-agent", "referer", "max-time", "connect-timeout", "retry",
            "retry-delay", "retry-max-time", "cacert", "capath", "cert", "key", "config", "cookie-jar", "dump-header",
            "write-out", "proxy-user", "range", "limit-rate", "interface", "dns-servers", "socks4", "socks4a",
            "socks5", "socks5-hostname", "noproxy", "oauth2-bearer", "aws-sigv4", "max-filesize", "continue-at",
            "ciphers", "tls-max", "local-port", "unix-socket", "abstract-unix-socket", "expect100-timeout",
            "output-dir", "variable", "trace", "trace-ascii", "stderr", "hostpubmd5", "hostpubsha256", "pubkey",
            "key-type", "cert-type", "pass", "proxy-header", "request-target", "max-redirs", "keepalive-time",
            "speed-limit", "speed-time", "time-cond", "quote", "telnet-option", "mail-from", "mail-rcpt",
            "mail-auth", "login-options", "sasl-authzid", "service-name", "proxy-cacert", "proxy-cert",
            "proxy-key", "proxy-pass", "proxy-ciphers", "ftp-port", "ftp-account", "ftp-method", "krb",
            "delegation", "etag-save", "etag-compare", "happy-eyeballs-timeout-ms", "netrc-file", "parallel-max",
            "rate", "retry-all-errors-count", "proto", "proto-redir", "proto-default", "ech", "ipfs-gateway",
            "doh-url", "dns-interface", "dns-ipv4-addr", "dns-ipv6-addr", "pinnedpubkey", "engine", "random-file",
            "egd-file", "crlfile", "curves", "tlsuser", "tlspassword", "tlsauthtype", "tls13-ciphers");

    static NetworkInvocation parse(ToolCall call) {
        final String[] defaultScheme = {"http"};
        Options.scan(call.args, 1, SHORT_WITH_VALUE, LONG_WITH_VALUE, new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (value == null) return;
                switch (name) {
                    case "-d": case "--data": case "--data-ascii": case "--data-binary": case "--json":
                        dataOrFile(call, from, value);
                        break;
                    case "--data-raw": case "--form-string":
                        call.inline(from, value, false);
                        break;
                    case "--data-urlencode": case "--url-query":
                        urlEncoded(call, from, value);
                        break;
                    case "-F": case "--form":
                        form(call, from, value);
                        break;
                    case "-T": case "--upload-file":
                        call.file(from, value.equals(".") ? "-" : value, false);
                        break;
                    case "-H": case "--header": case "--proxy-header":
                        if (value.startsWith("@")) call.file(from, value.substring(1), false);
                        else call.inline(from, value, ToolCall.isCredentialHeader(value));
                        break;
                    case "-u": case "--user": case "-U": case "--proxy-user": case "--oauth2-bearer":
                        call.inline(from, value, true);
                        break;
                    case "-b": case "--cookie":
                        // Without '=' the value names a cookie file to send from.
                        if (value.indexOf('=') >= 0) call.inline(from, value, true);
                        else call.file(from, value, true);
                        break;
                    case "-A": case "--user-agent": case "-e": case "--referer":
                        call.inline(from, value, false);
                        break;
                    case "-K": case "--config":
                        call.file(from, value, false);
                        break;
                    case "--url":
                        call.url(from, value, defaultScheme[0]);
                        break;
                    case "--proto-default":
                        defaultScheme[0] = value.toLowerCase(java.util.Locale.ROOT);
                        break;
                    default:
                        // -x/--proxy, --resolve, --connect-to and output options are not destinations.
                }
            }

            @Override
            public void positional(Arg arg) {
                call.url(arg, arg.text, guessScheme(arg.text, defaultScheme[0]));
            }
        });
        return call.finish(true);
    }

    /** curl guesses the scheme of a scheme-less URL from its host's first label. */
    static String guessScheme(String url, String fallback) {
        if (Urls.hasScheme(url)) return fallback;
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("ftp.")) return "ftp";
        return fallback;
    }

    private static void dataOrFile(ToolCall call, Arg from, String value) {
        if (value.startsWith("@")) call.file(from, value.substring(1), false);
        else call.inline(from, value, false);
    }

    /** --data-urlencode forms: content, =content, name=content, @file, name@file. */
    private static void urlEncoded(ToolCall call, Arg from, String value) {
        int eq = value.indexOf('=');
        int at = value.indexOf('@');
        if (at >= 0 && (eq < 0 || at < eq)) call.file(from, value.substring(at + 1), false);
        else call.inline(from, value, false);
    }

    /** -F name=value, name=@file (upload), name=<file (content from file), with ;type=... suffixes. */
    private static void form(ToolCall call, Arg from, String value) {
        int eq = value.indexOf('=');
        String content = eq >= 0 ? value.substring(eq + 1) : value;
        if (content.startsWith("@") || content.startsWith("<")) {
            String path = content.substring(1);
            if (path.startsWith("\"")) {
                int close = path.indexOf('"', 1);
                path = close > 0 ? path.substring(1, close) : path.substring(1);
            } else {
                int semi = path.indexOf(';');
                if (semi >= 0) path = path.substring(0, semi);
            }
            call.file(from, path, false);
        } else {
            call.inline(from, value, false);
        }
    }
}
