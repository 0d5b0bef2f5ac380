package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interpreters given inline code ({@code python -c}, {@code perl -e}, {@code ruby -e},
 * {@code node -e}, {@code php -r}) that names a URL or opens a socket (SPEC §7).
 */
final class InterpreterParser {
    private InterpreterParser() {}

    private static final Pattern INTERPRETER = Pattern.compile("(python|pypy)[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|php[0-9.]*");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|wss?)://[^\\s'\"<>`)\\]}\\\\]+");
    private static final Pattern HOST_PORT_CALL = Pattern.compile("\\(\\s*\\(?\\s*['\"]([A-Za-z0-9.\\-:_]+)['\"]\\s*,\\s*(\\d{1,5})\\s*\\)");
    private static final Pattern PORT_HOST_CALL = Pattern.compile("connect\\(\\s*(\\d{1,5})\\s*,\\s*['\"]([A-Za-z0-9.\\-:_]+)['\"]");
    private static final Pattern PEER_ADDR = Pattern.compile("PeerAddr\\s*=>\\s*['\"]([A-Za-z0-9.\\-_]+):(\\d{1,5})['\"]");
    private static final String[] NETWORK_WORDS = {
        "socket", "Socket", "urllib", "requests", "http.client", "httplib", "fetch(", "net.connect",
        "createConnection", "IO::Socket", "fsockopen", "Net::HTTP", "LWP", "HTTP::Tiny", "http.request",
        "https.request", "http.get", "https.get", "XMLHttpRequest", "curl_init", "open-uri", "httpx",
        "aiohttp", "smtplib", "ftplib", "paramiko", "pycurl", "websocket", "axios", "dgram", "net/http"};

    static boolean isInterpreter(String name) {
        return INTERPRETER.matcher(name).matches();
    }

    static void parse(ToolCall call, CommandDispatcher dispatcher) {
        String name = call.tool;
        List<Arg> code = new ArrayList<>();
        StringBuilder modules = new StringBuilder();
        boolean programGiven = code(call.args, name, code, modules);
        boolean fromStdin = false;
        if (code.isEmpty() && !programGiven) {
            if (call.stdin.kind == StdinSource.Kind.TEXT) {
                fromStdin = true;
            } else if (call.stdin.kind == StdinSource.Kind.PIPE && call.stdin.producer != StdinSource.Producer.OTHER) {
                dispatcher.scriptFromStdin(name, call.stdin, call.env, call.depth);
                return;
            }
        }
        StringBuilder all = new StringBuilder(modules);
        for (Arg a : code) all.append('\n').append(a.text);
        if (fromStdin) all.append('\n').append(call.stdin.value);
        String text = all.toString();
        if (!namesNetwork(text)) return;
        Arg urlSource = code.isEmpty() ? new Arg("", -1, false) : code.get(0);
        Matcher m = URL.matcher(text);
        int n = 0;
        while (m.find() && n++ < 100) call.url(urlSource, trimPunctuation(m.group()), "http");
        m = HOST_PORT_CALL.matcher(text);
        while (m.find() && n++ < 100) call.host("tcp", m.group(1), m.group(2));
        m = PORT_HOST_CALL.matcher(text);
        while (m.find() && n++ < 100) call.host("tcp", m.group(2), m.group(1));
        m = PEER_ADDR.matcher(text);
        while (m.find() && n++ < 100) call.host("tcp", m.group(1), m.group(2));
        for (Arg a : code) call.inline(a, a.text, false);
        if (fromStdin) call.stdin(false);
        call.finish(true);
    }

    static boolean namesNetwork(String code) {
        if (URL.matcher(code).find()) return true;
        for (String w : NETWORK_WORDS) {
            if (code.contains(w)) return true;
        }
        return false;
    }

    private static String trimPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?".indexOf(url.charAt(end - 1)) >= 0) end--;
        return url.substring(0, end);
    }

    /**
     * Collects inline code arguments and module names.
     * @return true when a program (script file or module) is run instead of, or besides, inline code
     */
    private static boolean code(List<Arg> args, String name, List<Arg> code, StringBuilder modules) {
        String codeFlags;
        String moduleFlags;
        String valueFlags;
        if (name.startsWith("python") || name.startsWith("pypy")) {
            codeFlags = "c"; moduleFlags = ""; valueFlags = "WXQ";
        } else if (name.startsWith("perl")) {
            codeFlags = "eE"; moduleFlags = "Mm"; valueFlags = "Ix";
        } else if (name.startsWith("ruby")) {
            codeFlags = "e"; moduleFlags = "r"; valueFlags = "IC";
        } else if (name.startsWith("node")) {
            codeFlags = "ep"; moduleFlags = "r"; valueFlags = "";
        } else {
            codeFlags = "r"; moduleFlags = ""; valueFlags = "fdcz";
        }
        for (int i = 1; i < args.size(); i++) {
            Arg a = args.get(i);
            String t = a.text;
            if (t.equals("--eval") || t.equals("--print")) {
                if (i + 1 < args.size()) code.add(args.get(++i));
                continue;
            }
            if (t.startsWith("--eval=") || t.startsWith("--print=")) {
                code.add(new Arg(t.substring(t.indexOf('=') + 1), a.origin, a.dynamic));
                continue;
            }
            if (t.equals("--require") && i + 1 < args.size()) {
                modules.append(args.get(++i).text).append('\n');
                continue;
            }
            if (t.equals("-")) return false;
            if (!t.startsWith("-")) return code.isEmpty();
            if (t.startsWith("--")) continue;
            if (name.startsWith("python") && t.startsWith("-m")) return true;
            for (int j = 1; j < t.length(); j++) {
                char c = t.charAt(j);
                if (codeFlags.indexOf(c) >= 0 || moduleFlags.indexOf(c) >= 0 || valueFlags.indexOf(c) >= 0) {
                    String rest = t.substring(j + 1);
                    Arg value;
                    if (!rest.isEmpty()) {
                        value = new Arg(rest, a.origin, a.dynamic);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        break;
                    }
                    if (codeFlags.indexOf(c) >= 0) {
                        code.add(value);
                        if (name.startsWith("python")) return false;
                    } else if (moduleFlags.indexOf(c) >= 0) {
                        modules.append(value.text).append('\n');
                    }
                    break;
                }
            }
        }
        return false;
    }
}
