package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code cmd /c ...}: the Windows command line split on {@code & && | ||} (a simple subset of cmd syntax). */
final class CmdScript {
    private CmdScript() {}

    static void analyze(List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth, CommandDispatcher dispatcher) {
        int n = args.size();
        int i = 1;
        String attached = null;
        while (i < n) {
            String t = args.get(i).text;
            String lower = t.toLowerCase(Locale.ROOT);
            i++;
            if (lower.startsWith("/c") || lower.startsWith("/k") || lower.startsWith("/r")) {
                if (t.length() > 2) attached = t.substring(2);
                break;
            }
            if (!t.startsWith("/")) { i--; break; }
        }
        if (attached == null && i >= n) return;
        // Join the rest as cmd sees it, remembering which argument each character came from.
        StringBuilder script = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        boolean dynamic = false;
        if (attached != null) {
            spans.add(new int[] {0, args.get(i - 1).origin});
            script.append(attached);
        }
        for (int j = i; j < n; j++) {
            if (script.length() > 0) script.append(' ');
            spans.add(new int[] {script.length(), args.get(j).origin});
            script.append(args.get(j).text);
            dynamic |= args.get(j).dynamic;
        }
        String s = script.toString();
        int offset = 0;
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
            offset = 1;
        }
        StdinSource in = stdin;
        for (Segment seg : split(s)) {
            List<Arg> tokens = new ArrayList<>();
            for (Token tok : tokenize(seg.text)) {
                String text = tok.text;
                if (text.matches("\\d?[<>].*") ) continue; // a redirection
                if (tokens.isEmpty() && text.startsWith("@")) text = text.substring(1);
                if (text.isEmpty()) continue;
                int origin = originAt(spans, seg.start + tok.start + offset);
                tokens.add(new Arg(text, origin, dynamic || text.matches(".*%[A-Za-z_][A-Za-z0-9_]*%.*")));
            }
            if (tokens.isEmpty()) continue;
            dispatcher.analyze(tokens, in, env, depth + 1, null);
            in = seg.pipedToNext
                    ? StdinSource.pipe(Producers.toolName(tokens.get(0).text), Producers.classify(Producers.toolName(tokens.get(0).text), tokens))
                    : stdin;
        }
    }

    private static int originAt(List<int[]> spans, int pos) {
        int origin = spans.isEmpty() ? -1 : spans.get(0)[1];
        for (int[] span : spans) {
            if (span[0] <= pos) origin = span[1];
        }
        return origin;
    }

    private static final class Segment {
        final String text;
        final int start;
        final boolean pipedToNext;
        Segment(String text, int start, boolean pipedToNext) { this.text = text; this.start = start; this.pipedToNext = pipedToNext; }
    }

    private static final class Token {
        final String text;
        final int start;
        Token(String text, int start) { this.text = text; this.start = start; }
    }

    private static List<Segment> split(String s) {
        List<Segment> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '^' && !quoted) { i++; continue; }
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted || (c != '&' && c != '|')) continue;
            boolean doubled = i + 1 < s.length() && s.charAt(i + 1) == c;
            out.add(new Segment(s.substring(start, i), start, c == '|' && !doubled));
            if (doubled) i++;
            start = i + 1;
        }
        out.add(new Segment(s.substring(start), start, false));
        return out;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!quoted && Character.isWhitespace(c)) {
                if (start >= 0) { out.add(new Token(cur.toString(), start)); cur.setLength(0); start = -1; }
                continue;
            }
            if (start < 0) start = i;
            if (c == '"') { quoted = !quoted; continue; }
            if (c == '^' && !quoted && i + 1 < s.length()) { cur.append(s.charAt(++i)); continue; }
            cur.append(c);
        }
        if (start >= 0) out.add(new Token(cur.toString(), start));
        return out;
    }
}
