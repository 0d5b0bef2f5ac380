package dev.egressguard.engine.shell;

import dev.egressguard.engine.inspect.Inspector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PowerShell: {@code powershell/pwsh -Command ...} and {@code -EncodedCommand}, and the web cmdlets
 * {@code Invoke-WebRequest}/{@code Invoke-RestMethod} ({@code iwr}/{@code irm}). A simple
 * tokenisation: statements split on {@code ;}, {@code |} and newlines; quoted strings and
 * {@code @{...}}/{@code (...)} groups kept whole.
 */
final class PowerShellAnalyzer {
    private PowerShellAnalyzer() {}

    private static final Set<String> WEB_CMDLETS = Set.of("invoke-webrequest", "invoke-restmethod", "iwr", "irm");
    private static final List<String> PARAMS = List.of(
            "uri", "body", "method", "headers", "infile", "outfile", "proxy", "proxycredential", "credential",
            "contenttype", "useragent", "websession", "sessionvariable", "timeoutsec", "maximumredirection",
            "maximumretrycount", "retryintervalsec", "form", "token", "authentication", "certificate",
            "certificatethumbprint", "transferencoding", "custommethod", "httpversion", "connectiontimeoutseconds",
            "operationtimeoutseconds", "responseheaderstvariable", "statuscodevariable");
    private static final List<String> SWITCHES = List.of(
            "usebasicparsing", "usedefaultcredentials", "disablekeepalive", "skipcertificatecheck",
            "skipheadervalidation", "allowunencryptedauthentication", "passthru", "resume", "skiphttperrorcheck",
            "noproxy", "proxyusedefaultcredentials", "preservefileauthorizationonredirect", "allowinsecureredirect",
            "preserveauthorizationonredirect");
    private static final Pattern DOTNET_NETWORK = Pattern.compile(
            "(?i)Net\\.WebClient|DownloadString|DownloadFile|DownloadData|UploadString|UploadFile|UploadData|UploadValues"
                    + "|Net\\.Sockets|TcpClient|Net\\.Http\\.HttpClient|Start-BitsTransfer|Send-MailMessage");
    /** {@code $name = 'literal'}: PowerShell variables are case-insensitive. */
    private static final Pattern LITERAL_ASSIGNMENT = Pattern.compile("\\s*\\$(\\w+)\\s*=\\s*('[^']*'|\"[^\"$`]*\")\\s*");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s'\"<>`)\\]}]+");

    static boolean isWebCmdlet(String name) {
        return WEB_CMDLETS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code powershell [options] -Command ...} / {@code -EncodedCommand base64} / a bare command. */
    static void analyzeHost(ToolCall call, CommandDispatcher dispatcher) {
        List<Arg> args = call.args;
        int n = args.size();
        int i = 1;
        while (i < n) {
            Arg a = args.get(i);
            String t = a.text;
            if (!(t.startsWith("-") || t.startsWith("/")) || t.length() < 2) break;
            String p = t.substring(1).toLowerCase(Locale.ROOT);
            if (p.startsWith("-")) p = p.substring(1);
            if ("command".startsWith(p)) {
                i++;
                break;
            }
            if (p.equals("e") || p.equals("ec") || (p.length() >= 2 && "encodedcommand".startsWith(p))) {
                if (i + 1 < n) encoded(call, args.get(i + 1), dispatcher);
                return;
            }
            if (p.equals("f") || "file".startsWith(p) && p.length() > 1) return;
            if (p.startsWith("ex") || p.startsWith("w") || p.startsWith("inputf") || p.startsWith("outputf")
                    || p.startsWith("config") || p.startsWith("v") || p.startsWith("settings") || p.startsWith("custom")) {
                i += 2;
            } else {
                i++;
            }
        }
        if (i >= n) return;
        StringBuilder script = new StringBuilder();
        boolean dynamic = false;
        for (int j = i; j < n; j++) {
            if (j > i) script.append(' ');
            script.append(args.get(j).text);
            dynamic |= args.get(j).dynamic;
        }
        analyzeScript(script.toString(), args.get(i).origin, dynamic, call, dispatcher);
    }

    private static void encoded(ToolCall call, Arg arg, CommandDispatcher dispatcher) {
        call.ctx.obfuscation("PowerShell -EncodedCommand hides the script in base64");
        try {
            byte[] bytes = Base64.getDecoder().decode(arg.text.trim());
            String script = StandardCharsets.UTF_16LE.decode(ByteBuffer.wrap(bytes)).toString();
            analyzeScript(script, arg.origin, arg.dynamic, call, dispatcher);
        } catch (IllegalArgumentException e) {
            call.ctx.obfuscation("PowerShell -EncodedCommand is not valid base64");
        }
    }

    static void analyzeScript(String script, int origin, boolean dynamic, ToolCall host, CommandDispatcher dispatcher) {
        AnalysisContext ctx = host.ctx;
        if (DOTNET_NETWORK.matcher(script).find()) {
            // .NET networking spreads over statements ($wc = New-Object ...; $wc.Upload...): one invocation for the script.
            Arg from = new Arg(script, origin, dynamic);
            ToolCall call = new ToolCall("powershell", List.of(from), host.stdin, host.env, ctx, host.depth + 1, script.trim());
            Matcher m = URL.matcher(script);
            int urls = 0;
            while (m.find() && urls++ < 100) call.url(from, m.group(), "http");
            call.inline(from, script, false);
            call.finish(true);
        }
        int count = 0;
        StdinSource pipeIn = StdinSource.INHERITED;
        Map<String, String> vars = new HashMap<>();
        for (Statement st : statements(script)) {
            if (++count > 1000) break;
            Matcher assignment = LITERAL_ASSIGNMENT.matcher(st.text);
            if (assignment.matches()) {
                vars.put(assignment.group(1).toLowerCase(Locale.ROOT), unquote(assignment.group(2)));
                continue;
            }
            List<Arg> tokens = new ArrayList<>();
            for (String tok : tokens(st.text)) {
                String known = tok.startsWith("$") ? vars.get(tok.substring(1).toLowerCase(Locale.ROOT)) : null;
                if (known != null) tokens.add(new Arg(known, origin, dynamic));
                else tokens.add(new Arg(unquote(tok), origin, dynamic || isDynamic(tok)));
            }
            if (!tokens.isEmpty() && (tokens.get(0).text.equals("&") || tokens.get(0).text.equals("."))) tokens.remove(0);
            if (tokens.isEmpty()) { pipeIn = StdinSource.INHERITED; continue; }
            String first = tokens.get(0).text.toLowerCase(Locale.ROOT);
            StdinSource in = pipeIn;
            pipeIn = st.pipedToNext ? StdinSource.pipe(first, StdinSource.Producer.OTHER) : StdinSource.INHERITED;
            if (first.equals("iex") || first.equals("invoke-expression")) {
                ctx.obfuscation("Invoke-Expression runs a string as a command");
                continue;
            }
            if (DOTNET_NETWORK.matcher(st.text).find()) {
                ctx.commandLines.add(st.text.trim());
                continue;
            }
            if ((first.equals("curl") || first.equals("wget")) && usesCmdletParameters(tokens)) {
                ctx.commandLines.add(CommandDispatcher.render(tokens));
                cmdlet(new ToolCall(first, tokens, in, host.env, ctx, host.depth + 1, CommandDispatcher.render(tokens)), tokens);
                continue;
            }
            dispatcher.analyze(tokens, in, host.env, host.depth + 1, null);
        }
    }

    private static boolean usesCmdletParameters(List<Arg> tokens) {
        for (Arg t : tokens) {
            String p = t.text.toLowerCase(Locale.ROOT);
            if (p.startsWith("-uri") || p.startsWith("-body") || p.startsWith("-method") || p.startsWith("-infile")
                    || p.startsWith("-usebasic") || p.startsWith("-headers")) return true;
        }
        return tokens.size() == 2 && !tokens.get(1).text.startsWith("-");
    }

    /** Invoke-WebRequest / Invoke-RestMethod parameters. */
    static void cmdlet(ToolCall call, List<Arg> args) {
        boolean uriSeen = false;
        for (int i = 1; i < args.size(); i++) {
            Arg a = args.get(i);
            String t = a.text;
            if (t.startsWith("-") && t.length() > 1 && Character.isLetter(t.charAt(1))) {
                String p = t.substring(1);
                String inlineValue = null;
                int colon = p.indexOf(':');
                if (colon > 0) {
                    inlineValue = p.substring(colon + 1);
                    p = p.substring(0, colon);
                }
                String param = resolve(p.toLowerCase(Locale.ROOT));
                if (param == null || SWITCHES.contains(param)) continue;
                Arg value;
                if (inlineValue != null) value = new Arg(inlineValue, a.origin, a.dynamic);
                else if (i + 1 < args.size()) value = args.get(++i);
                else continue;
                switch (param) {
                    case "uri":
                        call.url(value, value.text, "http");
                        uriSeen = true;
                        break;
                    case "body":
                        call.inline(value, value.text, false);
                        break;
                    case "headers":
                        hashtable(call, value, true);
                        break;
                    case "form":
                        hashtable(call, value, false);
                        break;
                    case "infile":
                        call.file(value, value.text, false);
                        break;
                    case "token":
                        call.inline(value, value.text, true);
                        break;
                    case "useragent":
                        call.inline(value, value.text, false);
                        break;
                    default:
                }
            } else if (!uriSeen) {
                call.url(a, t, "http");
                uriSeen = true;
            }
        }
        // Pipeline input becomes the request body.
        if (call.stdin.explicit()) call.stdin(false);
        call.finish(true);
    }

    /** {@code @{ Name = 'value'; ... }}: each value is a payload; header values by the header's name. */
    private static void hashtable(ToolCall call, Arg table, boolean headers) {
        String t = table.text.trim();
        if (!t.startsWith("@{")) {
            call.inline(table, t, false);
            return;
        }
        String body = t.substring(2, t.endsWith("}") ? t.length() - 1 : t.length());
        for (String entry : splitTopLevel(body, ";\n")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) continue;
            String key = unquote(entry.substring(0, eq).trim());
            String value = entry.substring(eq + 1).trim();
            if (!headers && value.toLowerCase(Locale.ROOT).startsWith("(get-item") ) {
                String path = value.replaceAll("(?i)^\\(get-item\\s+(-path\\s+)?", "").replaceAll("\\)$", "").trim();
                call.file(table, unquote(path), false);
                continue;
            }
            String v = unquote(value);
            boolean slot = headers && Inspector.isCredentialHeader(key);
            call.inline(new Arg(v, table.origin, table.dynamic || isDynamic(value)), v, slot);
        }
    }

    private static String resolve(String p) {
        if (PARAMS.contains(p) || SWITCHES.contains(p)) return p;
        for (String c : PARAMS) if (c.startsWith(p)) return c;
        for (String c : SWITCHES) if (c.startsWith(p)) return c;
        return null;
    }

    private static boolean isDynamic(String token) {
        return token.startsWith("$") || token.startsWith("(") || (token.startsWith("\"") && token.contains("$"));
    }

    static String unquote(String tok) {
        if (tok.length() >= 2 && tok.startsWith("'") && tok.endsWith("'")) return tok.substring(1, tok.length() - 1).replace("''", "'");
        if (tok.length() >= 2 && tok.startsWith("\"") && tok.endsWith("\"")) {
            String inner = tok.substring(1, tok.length() - 1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '`' && i + 1 < inner.length()) {
                    char n = inner.charAt(++i);
                    sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        return tok;
    }

    private static final class Statement {
        final String text;
        final boolean pipedToNext;
        Statement(String text, boolean pipedToNext) { this.text = text; this.pipedToNext = pipedToNext; }
    }

    private static List<Statement> statements(String script) {
        List<Statement> out = new ArrayList<>();
        int level = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == '`' && quote == '"') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '{' || c == '(') level++;
            else if ((c == '}' || c == ')') && level > 0) level--;
            else if (level == 0 && (c == ';' || c == '\n' || c == '|')) {
                boolean piped = c == '|' && !(i + 1 < script.length() && script.charAt(i + 1) == '|');
                out.add(new Statement(script.substring(start, i), piped));
                if (c == '|' && !piped) i++;
                start = i + 1;
            }
        }
        out.add(new Statement(script.substring(start), false));
        return out;
    }

    private static List<String> splitTopLevel(String s, String separators) {
        List<String> out = new ArrayList<>();
        int level = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '`' && quote == '"') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '{' || c == '(') level++;
            else if ((c == '}' || c == ')') && level > 0) level--;
            else if (level == 0 && separators.indexOf(c) >= 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** Whitespace-separated tokens; quotes and bracketed groups stay whole. */
    static List<String> tokens(String statement) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int level = 0;
        char quote = 0;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '`' && quote == '"' && i + 1 < statement.length()) cur.append(statement.charAt(++i));
                else if (c == quote) quote = 0;
                continue;
            }
            if (level == 0 && Character.isWhitespace(c)) {
                if (cur.length() > 0) { out.add(cur.toString()); cur.setLength(0); }
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '{' || c == '(') level++;
            else if ((c == '}' || c == ')') && level > 0) level--;
            cur.append(c);
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
