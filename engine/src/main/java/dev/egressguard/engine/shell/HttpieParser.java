package dev.egressguard.engine.shell;

import java.util.Set;

/** HTTPie: {@code http [flags] [METHOD] URL [ITEM ...]}; every request item is a payload. */
final class HttpieParser {
    private HttpieParser() {}

    private static final Set<String> LONG_WITH_VALUE = Set.of(
            "auth", "auth-type", "output", "session", "session-read-only", "verify", "cert", "cert-key",
            "cert-key-pass", "proxy", "timeout", "pretty", "style", "print", "format-options", "max-redirects",
            "boundary", "raw", "ssl", "ciphers", "default-scheme", "history-print", "max-headers", "unsorted",
            "response-charset", "response-mime", "chunked-size");

    static NetworkInvocation parse(ToolCall call) {
        final String defaultScheme = call.tool.equals("https") ? "https" : "http";
        final int[] positionalCount = {0};
        final boolean[] sawUrl = {false};
        Options.scan(call.args, 1, "aAospP", LONG_WITH_VALUE, new Options.Handler() {
            @Override
            public void option(String name, String value, Arg from) {
                if (value == null) return;
                if (name.equals("-a") || name.equals("--auth")) call.inline(from, value, true);
                if (name.equals("--raw")) call.inline(from, value, false);
            }

            @Override
            public void positional(Arg arg) {
                String t = arg.text;
                positionalCount[0]++;
                if (!sawUrl[0]) {
                    if (positionalCount[0] == 1 && t.matches("[A-Z]+")) return;
                    sawUrl[0] = true;
                    call.url(arg, shorthand(t), defaultScheme);
                    return;
                }
                item(call, arg);
            }
        });
        if (call.stdin.explicit()) call.stdin(false);
        return call.finish(true);
    }

    /** {@code :3000/x} and {@code :/x} are localhost shorthands. */
    private static String shorthand(String url) {
        if (url.startsWith(":")) {
            return url.startsWith(":/") ? "localhost" + url.substring(1) : "localhost" + url;
        }
        return url;
    }

    /** Header:value, key==query, key=data, key:=json, key@file, key=@file, key:=@file. */
    private static void item(ToolCall call, Arg arg) {
        String t = arg.text;
        int sep = firstSeparator(t);
        if (sep < 0) {
            call.inline(arg, t, false);
            return;
        }
        String rest = t.substring(sep);
        if (rest.startsWith("=@") || rest.startsWith(":=@")) {
            call.file(arg, rest.substring(rest.indexOf('@') + 1), false);
        } else if (rest.startsWith("@")) {
            call.file(arg, rest.substring(1), false);
        } else if (rest.startsWith(":") && !rest.startsWith(":=")) {
            call.inline(arg, t, ToolCall.isCredentialHeader(t));
        } else {
            call.inline(arg, t, false);
        }
    }

    private static int firstSeparator(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == ':' || c == '=' || c == '@') return i;
        }
        return -1;
    }
}
