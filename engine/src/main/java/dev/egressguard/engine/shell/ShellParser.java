package dev.egressguard.engine.shell;

import dev.egressguard.engine.shell.ShellSyntax.Arithmetic;
import dev.egressguard.engine.shell.ShellSyntax.Assignment;
import dev.egressguard.engine.shell.ShellSyntax.Command;
import dev.egressguard.engine.shell.ShellSyntax.CommandSub;
import dev.egressguard.engine.shell.ShellSyntax.Group;
import dev.egressguard.engine.shell.ShellSyntax.Literal;
import dev.egressguard.engine.shell.ShellSyntax.Param;
import dev.egressguard.engine.shell.ShellSyntax.Pipeline;
import dev.egressguard.engine.shell.ShellSyntax.Redirect;
import dev.egressguard.engine.shell.ShellSyntax.Script;
import dev.egressguard.engine.shell.ShellSyntax.SimpleCommand;
import dev.egressguard.engine.shell.ShellSyntax.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the POSIX sh subset that matters for egress analysis: words and
 * their quoting, expansions, command lists, pipelines, subshells, brace groups, case, functions,
 * redirections and heredocs. Control-flow keywords ({@code if}, {@code do}, ...) stay words; the
 * analyser skips them. Input size and nesting are bounded; errors keep what was parsed so far.
 */
final class ShellParser {
    static final int MAX_SCRIPT_CHARS = 256 * 1024;
    static final int MAX_DEPTH = 32;

    /** A parsed script, complete or cut short at {@link #error}. */
    static final class Result {
        final Script script;
        final String error;
        Result(Script script, String error) { this.script = script; this.error = error; }
        boolean ok() { return error == null; }
    }

    private static final String CLOSE_PAREN = ")";
    private static final String CLOSE_BRACE = "}";
    private static final String CASE_BRANCH = ";;";

    private final String s;
    private final int baseDepth;
    private int pos;
    private int depth;
    private final List<PendingHereDoc> pendingHereDocs = new ArrayList<>();

    private static final class PendingHereDoc {
        final Redirect redirect;
        final String delimiter;
        final boolean quoted;
        final boolean stripTabs;
        PendingHereDoc(Redirect redirect, String delimiter, boolean quoted, boolean stripTabs) {
            this.redirect = redirect;
            this.delimiter = delimiter;
            this.quoted = quoted;
            this.stripTabs = stripTabs;
        }
    }

    private ShellParser(String s, int baseDepth) {
        this.s = s;
        this.baseDepth = baseDepth;
        this.depth = baseDepth;
    }

    static Result parse(String text) {
        return parse(text, 0);
    }

    static Result parse(String text, int depth) {
        Script script = new Script();
        if (text == null) return new Result(script, "no script");
        if (text.length() > MAX_SCRIPT_CHARS) return new Result(script, "script longer than " + MAX_SCRIPT_CHARS + " characters");
        ShellParser p = new ShellParser(text, depth);
        try {
            p.parseTop(script);
            return new Result(script, null);
        } catch (ShellSyntaxException e) {
            return new Result(script, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // Never let garbage escape as an exception: an unparseable script is a finding, not a crash.
            return new Result(script, "parser failure");
        }
    }

    /** Parses an unquoted heredoc body: expansions apply, quotes are literal. */
    static Word parseHereDocBody(String body, int depth) throws ShellSyntaxException {
        ShellParser p = new ShellParser(body, depth);
        Word w = new Word();
        StringBuilder lit = new StringBuilder();
        while (!p.eof()) {
            char c = p.s.charAt(p.pos);
            if (c == '\\' && p.pos + 1 < p.s.length() && "$`\\\n".indexOf(p.s.charAt(p.pos + 1)) >= 0) {
                if (p.s.charAt(p.pos + 1) != '\n') lit.append(p.s.charAt(p.pos + 1));
                p.pos += 2;
            } else if (c == '$') {
                flush(w, lit, true);
                p.parseDollar(w, true);
            } else if (c == '`') {
                flush(w, lit, true);
                p.parseBacktick(w, true);
            } else {
                lit.append(c);
                p.pos++;
            }
        }
        flush(w, lit, true);
        w.source = body;
        return w;
    }

    private void parseTop(Script into) throws ShellSyntaxException {
        parseList(into, null);
        if (!eof()) throw error("unexpected '" + s.charAt(pos) + "'");
        if (!pendingHereDocs.isEmpty()) readHereDocs();
    }

    // ---- lists, pipelines, commands

    private void parseList(Script into, String closer) throws ShellSyntaxException {
        enter();
        try {
            boolean needCommand = false;
            while (true) {
                skipSeparators(closer);
                if (needCommand && (eof() || atCloser(closer))) throw error("missing command after '&&' or '||'");
                needCommand = false;
                if (eof()) {
                    if (closer != null) throw error("missing '" + (CASE_BRANCH.equals(closer) ? "esac" : closer) + "'");
                    return;
                }
                if (atCloser(closer)) return;
                char c = s.charAt(pos);
                if (c == ')') throw error("unexpected ')'");
                if (CLOSE_BRACE.equals(peekBareWord()) && !CLOSE_BRACE.equals(closer)) throw error("unexpected '}'");
                Pipeline pipeline = new Pipeline();
                into.pipelines.add(pipeline);
                parsePipeline(pipeline, closer);
                skipBlanks();
                if (eof() || atCloser(closer)) continue;
                if (s.startsWith("&&", pos) || s.startsWith("||", pos)) {
                    pos += 2;
                    skipBlanksAndNewlines();
                    needCommand = true;
                    continue;
                }
                c = s.charAt(pos);
                if (c == ';' && !s.startsWith(";;", pos) && !s.startsWith(";&", pos)) {
                    pos++;
                } else if (c == '&') {
                    pos++;
                } else if (c == '\n') {
                    consumeNewline();
                } else if (s.startsWith(";;", pos) || s.startsWith(";&", pos)) {
                    if (!CASE_BRANCH.equals(closer)) throw error("';;' outside case");
                } else {
                    throw error("unexpected '" + c + "'");
                }
            }
        } finally {
            depth--;
        }
    }

    private boolean atCloser(String closer) {
        if (closer == null || eof()) return false;
        if (CLOSE_PAREN.equals(closer)) return s.charAt(pos) == ')';
        if (CLOSE_BRACE.equals(closer)) return CLOSE_BRACE.equals(peekBareWord());
        return s.startsWith(";;", pos) || s.startsWith(";&", pos) || "esac".equals(peekBareWord());
    }

    /** Skips blanks, comments, newlines and stray ';' / '&' between commands (bash rejects some; we are lenient). */
    private void skipSeparators(String closer) throws ShellSyntaxException {
        while (!eof()) {
            skipBlanks();
            if (eof()) return;
            char c = s.charAt(pos);
            if (c == '\n') {
                consumeNewline();
            } else if ((c == ';' && !s.startsWith(";;", pos) && !s.startsWith(";&", pos)) || (c == '&' && !s.startsWith("&>", pos))) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void parsePipeline(Pipeline pipeline, String closer) throws ShellSyntaxException {
        skipBlanks();
        if ("!".equals(peekBareWord())) pos++;
        while (true) {
            parseCommand(pipeline, closer);
            skipBlanks();
            if (!eof() && s.charAt(pos) == '|' && !s.startsWith("||", pos)) {
                pos += s.startsWith("|&", pos) ? 2 : 1;
                skipBlanksAndNewlines();
                continue;
            }
            return;
        }
    }

    private void parseCommand(Pipeline pipeline, String closer) throws ShellSyntaxException {
        skipBlanks();
        if (eof()) throw error("missing command");
        char c = s.charAt(pos);
        if (s.startsWith("((", pos)) {
            int end = matchingArithmeticEnd(pos + 2);
            if (end >= 0) {
                // An arithmetic command runs nothing; its text is not shell syntax.
                SimpleCommand arithmetic = new SimpleCommand();
                pipeline.commands.add(arithmetic);
                pos = end + 2;
                parseRedirectsAfterCompound(arithmetic);
                return;
            }
        }
        if (c == '(') {
            pos++;
            parseGroupBody(pipeline, CLOSE_PAREN);
            return;
        }
        String bare = peekBareWord();
        if ("[[".equals(bare)) {
            parseConditional(pipeline);
            return;
        }
        if ("{".equals(bare)) {
            pos++;
            parseGroupBody(pipeline, CLOSE_BRACE);
            return;
        }
        if ("case".equals(bare)) {
            parseCase(pipeline);
            return;
        }
        if ("function".equals(bare)) {
            pos += bare.length();
            skipBlanks();
            readWord();
            skipBlanks();
            if (s.startsWith("()", pos)) pos += 2;
            parseFunctionBody(pipeline);
            return;
        }
        if (c == ';' || c == '|' || c == ')' || (c == '&' && !s.startsWith("&>", pos))) {
            throw error("unexpected '" + c + "'");
        }
        SimpleCommand cmd = new SimpleCommand();
        pipeline.commands.add(cmd);
        parseSimpleCommand(cmd, pipeline);
    }

    /** {@code [[ ... ]]}: operators like {@code ( | < >} are part of the test, not shell syntax. */
    private void parseConditional(Pipeline pipeline) throws ShellSyntaxException {
        SimpleCommand test = new SimpleCommand();
        pipeline.commands.add(test);
        test.words.add(readWord());
        while (true) {
            skipBlanksAndNewlines();
            if (eof()) throw error("missing ']]'");
            if ("]]".equals(peekBareWord())) {
                test.words.add(readWord());
                break;
            }
            int start = pos;
            while (!eof() && "()|&<>!;".indexOf(s.charAt(pos)) >= 0 && !s.startsWith("<(", pos) && !s.startsWith(">(", pos)) pos++;
            if (pos > start) {
                test.words.add(literalWord(s.substring(start, pos)));
            } else {
                test.words.add(readWord());
            }
        }
        parseRedirectsAfterCompound(test);
    }

    private void parseGroupBody(Pipeline pipeline, String closer) throws ShellSyntaxException {
        Group g = new Group(new Script());
        pipeline.commands.add(g);
        parseList(g.body, closer);
        if (CLOSE_PAREN.equals(closer)) {
            expect(')');
        } else {
            pos++; // the '}' that atCloser saw
        }
        parseRedirectsAfterCompound(g);
    }

    private void parseFunctionBody(Pipeline pipeline) throws ShellSyntaxException {
        skipBlanksAndNewlines();
        if (eof()) throw error("missing function body");
        if (s.charAt(pos) == '(') {
            pos++;
            parseGroupBody(pipeline, CLOSE_PAREN);
        } else if ("{".equals(peekBareWord())) {
            pos++;
            parseGroupBody(pipeline, CLOSE_BRACE);
        } else {
            parseCommand(pipeline, null);
        }
    }

    private void parseCase(Pipeline pipeline) throws ShellSyntaxException {
        pos += 4;
        Group g = new Group(new Script());
        pipeline.commands.add(g);
        // The subject is kept as a command of its own so that substitutions in it are analysed.
        SimpleCommand subject = new SimpleCommand();
        Pipeline subjectLine = new Pipeline();
        subjectLine.commands.add(subject);
        g.body.pipelines.add(subjectLine);
        skipBlanks();
        subject.words.add(literalWord("case"));
        subject.words.add(readWord());
        skipBlanksAndNewlines();
        if (!"in".equals(peekBareWord())) throw error("missing 'in' after case");
        pos += 2;
        while (true) {
            skipBlanksAndNewlines();
            if (eof()) throw error("missing 'esac'");
            if ("esac".equals(peekBareWord())) {
                pos += 4;
                break;
            }
            if (s.charAt(pos) == '(') pos++;
            while (true) {
                skipBlanks();
                if (eof()) throw error("missing ')' in case pattern");
                readWord();
                skipBlanks();
                if (eof()) throw error("missing ')' in case pattern");
                char c = s.charAt(pos);
                if (c == '|') { pos++; continue; }
                if (c == ')') { pos++; break; }
                throw error("unexpected '" + c + "' in case pattern");
            }
            enter();
            try {
                parseList(g.body, CASE_BRANCH);
            } finally {
                depth--;
            }
            if (s.startsWith(";;&", pos)) pos += 3;
            else if (s.startsWith(";;", pos) || s.startsWith(";&", pos)) pos += 2;
        }
        parseRedirectsAfterCompound(g);
    }

    private void parseRedirectsAfterCompound(Command cmd) throws ShellSyntaxException {
        while (true) {
            skipBlanks();
            if (eof()) return;
            int fdEnd = ioNumberEnd();
            int at = fdEnd >= 0 ? fdEnd : pos;
            if (isRedirectAt(at)) {
                pos = at;
                cmd.redirects.add(parseRedirect());
            } else {
                return;
            }
        }
    }

    private void parseSimpleCommand(SimpleCommand cmd, Pipeline pipeline) throws ShellSyntaxException {
        while (true) {
            skipBlanks();
            if (eof()) return;
            char c = s.charAt(pos);
            int fdEnd = ioNumberEnd();
            if (fdEnd >= 0 && isRedirectAt(fdEnd)) {
                pos = fdEnd;
                cmd.redirects.add(parseRedirect());
                continue;
            }
            if (isRedirectAt(pos)) {
                cmd.redirects.add(parseRedirect());
                continue;
            }
            if (c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') return;
            if (c == '(') {
                if (cmd.words.size() == 1 && cmd.assignments.isEmpty() && isFunctionParens()) {
                    pipeline.commands.remove(cmd);
                    parseFunctionBody(pipeline);
                    return;
                }
                throw error("unexpected '('");
            }
            Word w = readWord();
            if (cmd.words.isEmpty()) {
                String name = assignmentName(w);
                if (name != null) {
                    if (!eof() && s.charAt(pos) == '(' && isBareAssignment(w, name)) {
                        skipArray();
                        cmd.assignments.add(new Assignment(name, null));
                    } else {
                        cmd.assignments.add(new Assignment(name, assignmentValue(w, name)));
                    }
                    continue;
                }
            }
            cmd.words.add(w);
        }
    }

    private boolean isFunctionParens() {
        int p = pos + 1;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
        if (p >= s.length() || s.charAt(p) != ')') return false;
        pos = p + 1;
        return true;
    }

    private void skipArray() throws ShellSyntaxException {
        pos++;
        while (true) {
            skipBlanksAndNewlines();
            if (eof()) throw error("missing ')' in array");
            if (s.charAt(pos) == ')') { pos++; return; }
            readWord();
        }
    }

    private static String assignmentName(Word w) {
        if (w.parts.isEmpty() || !(w.parts.get(0) instanceof Literal) || w.parts.get(0).quoted) return null;
        String t = ((Literal) w.parts.get(0)).text;
        int eq = t.indexOf('=');
        if (eq <= 0) return null;
        String name = t.charAt(eq - 1) == '+' ? t.substring(0, eq - 1) : t.substring(0, eq);
        if (!isName(name)) return null;
        return name;
    }

    private static boolean isBareAssignment(Word w, String name) {
        return w.parts.size() == 1 && ((Literal) w.parts.get(0)).text.endsWith("=");
    }

    private static Word assignmentValue(Word w, String name) {
        Word v = new Word();
        Literal first = (Literal) w.parts.get(0);
        String rest = first.text.substring(first.text.indexOf('=') + 1);
        if (!rest.isEmpty()) v.parts.add(new Literal(rest, false));
        for (int i = 1; i < w.parts.size(); i++) v.parts.add(w.parts.get(i));
        int eq = w.source.indexOf('=');
        v.source = eq >= 0 ? w.source.substring(eq + 1) : w.source;
        return v;
    }

    static boolean isName(String t) {
        if (t.isEmpty()) return false;
        char c0 = t.charAt(0);
        if (!(Character.isLetter(c0) && c0 < 128) && c0 != '_') return false;
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_')) return false;
        }
        return true;
    }

    // ---- redirections and heredocs

    /** The end of a file-descriptor number directly followed by a redirection operator, or -1. */
    private int ioNumberEnd() {
        int p = pos;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && p - pos < 4) p++;
        if (p == pos || p >= s.length()) return -1;
        char c = s.charAt(p);
        return (c == '<' || c == '>') ? p : -1;
    }

    private boolean isRedirectAt(int p) {
        if (p >= s.length()) return false;
        if (s.startsWith("<(", p) || s.startsWith(">(", p)) return false;
        char c = s.charAt(p);
        return c == '<' || c == '>' || s.startsWith("&>", p);
    }

    private static final String[] REDIRECT_OPS = {"&>>", "<<<", "<<-", "&>", ">>", ">|", "<>", "<&", ">&", "<<", "<", ">"};

    private Redirect parseRedirect() throws ShellSyntaxException {
        String op = null;
        for (String candidate : REDIRECT_OPS) {
            if (s.startsWith(candidate, pos)) { op = candidate; break; }
        }
        if (op == null) throw error("bad redirection");
        pos += op.length();
        skipBlanks();
        if (eof() || isMeta(s.charAt(pos)) && !s.startsWith("<(", pos) && !s.startsWith(">(", pos)) {
            throw error("missing target after '" + op + "'");
        }
        Word target = readWord();
        Redirect r = new Redirect(op, target);
        if (r.isHereDoc()) {
            StringBuilder delim = new StringBuilder();
            boolean quoted = false;
            for (ShellSyntax.Part p : target.parts) {
                if (p.quoted) quoted = true;
                if (p instanceof Literal) delim.append(((Literal) p).text);
            }
            pendingHereDocs.add(new PendingHereDoc(r, delim.toString(), quoted || target.source.indexOf('\\') >= 0, op.equals("<<-")));
        }
        return r;
    }

    private void consumeNewline() throws ShellSyntaxException {
        pos++;
        if (!pendingHereDocs.isEmpty()) readHereDocs();
    }

    private void readHereDocs() throws ShellSyntaxException {
        List<PendingHereDoc> docs = new ArrayList<>(pendingHereDocs);
        pendingHereDocs.clear();
        for (PendingHereDoc doc : docs) {
            StringBuilder body = new StringBuilder();
            while (!eof()) {
                int nl = s.indexOf('\n', pos);
                int end = nl < 0 ? s.length() : nl;
                String line = s.substring(pos, end);
                pos = nl < 0 ? s.length() : nl + 1;
                String cmp = doc.stripTabs ? stripLeadingTabs(line) : line;
                if (cmp.equals(doc.delimiter)) break;
                body.append(cmp).append('\n');
            }
            Word w;
            if (doc.quoted) {
                w = new Word();
                w.parts.add(new Literal(body.toString(), true));
                w.source = body.toString();
            } else {
                w = parseHereDocBody(body.toString(), depth + 1);
            }
            doc.redirect.hereDoc = w;
        }
    }

    private static String stripLeadingTabs(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\t') i++;
        return line.substring(i);
    }

    // ---- words

    private Word readWord() throws ShellSyntaxException {
        Word w = new Word();
        int start = pos;
        StringBuilder lit = new StringBuilder();
        while (!eof()) {
            char c = s.charAt(pos);
            if (s.startsWith("<(", pos) || s.startsWith(">(", pos)) {
                flush(w, lit, false);
                parseProcessSubstitution(w);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' && (pos + 1 >= s.length() || s.charAt(pos + 1) == '\n') || isMeta(c)) break;
            if (c == '\\') {
                if (pos + 1 >= s.length()) { lit.append('\\'); pos++; continue; }
                char n = s.charAt(pos + 1);
                pos += 2;
                if (n == '\n') continue;
                flush(w, lit, false);
                w.parts.add(new Literal(String.valueOf(n), true));
            } else if (c == '\'') {
                flush(w, lit, false);
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) throw error("unterminated single quote");
                w.parts.add(new Literal(s.substring(pos + 1, close), true));
                pos = close + 1;
            } else if (c == '"') {
                flush(w, lit, false);
                pos++;
                parseDoubleQuoted(w);
            } else if (c == '$') {
                flush(w, lit, false);
                parseDollar(w, false);
            } else if (c == '`') {
                flush(w, lit, false);
                parseBacktick(w, false);
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(w, lit, false);
        if (pos == start) throw error("expected a word");
        w.source = s.substring(start, pos);
        return w;
    }

    private static void flush(Word w, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            w.parts.add(new Literal(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private void parseDoubleQuoted(Word w) throws ShellSyntaxException {
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (eof()) throw error("unterminated double quote");
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                // Always add the (possibly empty) literal so that "" stays an argument.
                w.parts.add(new Literal(lit.toString(), true));
                return;
            }
            if (c == '\\' && pos + 1 < s.length()) {
                char n = s.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    lit.append(n);
                    pos += 2;
                } else if (n == '\n') {
                    pos += 2;
                } else {
                    lit.append(c);
                    pos++;
                }
            } else if (c == '$') {
                flush(w, lit, true);
                parseDollar(w, true);
            } else if (c == '`') {
                flush(w, lit, true);
                parseBacktick(w, true);
            } else {
                lit.append(c);
                pos++;
            }
        }
    }

    private void parseDollar(Word w, boolean inDoubleQuotes) throws ShellSyntaxException {
        int start = pos;
        if (pos + 1 >= s.length()) {
            w.parts.add(new Literal("$", inDoubleQuotes));
            pos++;
            return;
        }
        char n = s.charAt(pos + 1);
        if (n == '\'' && !inDoubleQuotes) {
            pos += 2;
            w.parts.add(new Literal(readAnsiC(), true));
        } else if (n == '"' && !inDoubleQuotes) {
            pos += 2;
            parseDoubleQuoted(w);
        } else if (s.startsWith("$((", pos)) {
            int end = matchingArithmeticEnd(pos + 3);
            if (end < 0) {
                // "$((" may also be a command substitution starting with a subshell.
                parseCommandSubstitution(w, inDoubleQuotes, start);
                return;
            }
            pos = end + 2;
            w.parts.add(new Arithmetic(s.substring(start, pos), inDoubleQuotes));
        } else if (n == '(') {
            parseCommandSubstitution(w, inDoubleQuotes, start);
        } else if (n == '{') {
            int end = matchingBrace(pos + 2);
            if (end < 0) throw error("unterminated ${");
            String inner = s.substring(pos + 2, end);
            pos = end + 1;
            w.parts.add(braceParam(inner, s.substring(start, pos), inDoubleQuotes));
        } else if (Character.isLetter(n) && n < 128 || n == '_') {
            int p = pos + 1;
            while (p < s.length() && (s.charAt(p) < 128 && Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) p++;
            String name = s.substring(pos + 1, p);
            pos = p;
            w.parts.add(new Param(name, s.substring(start, pos), null, inDoubleQuotes));
        } else if (Character.isDigit(n) || "@*#?$!-".indexOf(n) >= 0) {
            pos += 2;
            w.parts.add(new Param(String.valueOf(n), s.substring(start, pos), null, inDoubleQuotes));
        } else {
            w.parts.add(new Literal("$", inDoubleQuotes));
            pos++;
        }
    }

    private void parseCommandSubstitution(Word w, boolean quoted, int start) throws ShellSyntaxException {
        pos += 2;
        Script sub = new Script();
        parseList(sub, CLOSE_PAREN);
        expect(')');
        w.parts.add(new CommandSub(sub, s.substring(start, pos), false, quoted));
    }

    private void parseProcessSubstitution(Word w) throws ShellSyntaxException {
        int start = pos;
        pos += 2;
        Script sub = new Script();
        parseList(sub, CLOSE_PAREN);
        expect(')');
        w.parts.add(new CommandSub(sub, s.substring(start, pos), true, false));
    }

    private void parseBacktick(Word w, boolean inDoubleQuotes) throws ShellSyntaxException {
        int start = pos;
        pos++;
        StringBuilder inner = new StringBuilder();
        while (true) {
            if (eof()) throw error("unterminated backquote");
            char c = s.charAt(pos);
            if (c == '`') { pos++; break; }
            if (c == '\\' && pos + 1 < s.length()) {
                char n = s.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '\\' || (inDoubleQuotes && n == '"')) {
                    inner.append(n);
                    pos += 2;
                    continue;
                }
            }
            inner.append(c);
            pos++;
        }
        if (depth + 1 > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        Result r = parse(inner.toString(), depth + 1);
        if (!r.ok()) throw error(r.error);
        w.parts.add(new CommandSub(r.script, s.substring(start, pos), false, inDoubleQuotes));
    }

    private Param braceParam(String inner, String source, boolean quoted) {
        int i = 0;
        if (inner.isEmpty()) return new Param(null, source, null, quoted);
        char c0 = inner.charAt(0);
        if (c0 == '#' || c0 == '!') return new Param(null, source, null, quoted);
        if (Character.isDigit(c0) || "@*?$-".indexOf(c0) >= 0) {
            i = 1;
            while (Character.isDigit(c0) && i < inner.length() && Character.isDigit(inner.charAt(i))) i++;
        } else {
            while (i < inner.length() && (inner.charAt(i) < 128 && Character.isLetterOrDigit(inner.charAt(i)) || inner.charAt(i) == '_')) i++;
        }
        String name = inner.substring(0, i);
        if (name.isEmpty()) return new Param(null, source, null, quoted);
        String rest = inner.substring(i);
        if (rest.isEmpty()) return new Param(name, source, null, quoted);
        String def = null;
        if (rest.startsWith(":-") || rest.startsWith(":=")) def = rest.substring(2);
        else if (rest.startsWith("-") || rest.startsWith("=")) def = rest.substring(1);
        if (def == null || def.indexOf('$') >= 0 || def.indexOf('`') >= 0) {
            return new Param(null, source, null, quoted);
        }
        return new Param(name, source, unquote(def), quoted);
    }

    private static String unquote(String t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"') continue;
            if (c == '\\' && i + 1 < t.length()) { sb.append(t.charAt(++i)); continue; }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Bash's $'...' (ANSI-C) escapes. */
    private String readAnsiC() throws ShellSyntaxException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) throw error("unterminated $'");
            char c = s.charAt(pos++);
            if (c == '\'') return sb.toString();
            if (c != '\\' || eof()) { sb.append(c); continue; }
            char e = s.charAt(pos++);
            switch (e) {
                case 'a': sb.append('\u0007'); break;
                case 'b': sb.append('\b'); break;
                case 'e': case 'E': sb.append('\u001b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'v': sb.append('\u000b'); break;
                case '\\': case '\'': case '"': case '?': sb.append(e); break;
                case 'x': sb.appendCodePoint(readNumber(16, 2, 0)); break;
                case 'u': sb.appendCodePoint(safeCodePoint(readNumber(16, 4, 0))); break;
                case 'U': sb.appendCodePoint(safeCodePoint(readNumber(16, 8, 0))); break;
                case 'c':
                    if (!eof()) sb.append((char) (s.charAt(pos++) & 0x1f));
                    break;
                default:
                    if (e >= '0' && e <= '7') {
                        pos--;
                        sb.append((char) (readNumber(8, 3, 0) & 0xff));
                    } else {
                        sb.append('\\').append(e);
                    }
            }
        }
    }

    private static int safeCodePoint(int cp) {
        return Character.isValidCodePoint(cp) ? cp : 0xFFFD;
    }

    private int readNumber(int radix, int maxDigits, int fallback) {
        int value = 0;
        int n = 0;
        while (n < maxDigits && !eof() && Character.digit(s.charAt(pos), radix) >= 0) {
            value = value * radix + Character.digit(s.charAt(pos), radix);
            pos++;
            n++;
        }
        return n == 0 ? fallback : value;
    }

    private int matchingArithmeticEnd(int from) {
        int level = 0;
        for (int p = from; p < s.length(); p++) {
            char c = s.charAt(p);
            if (c == '(') level++;
            else if (c == ')') {
                if (level == 0) return s.startsWith("))", p) ? p : -1;
                level--;
            }
        }
        return -1;
    }

    private int matchingBrace(int from) {
        int level = 0;
        for (int p = from; p < s.length(); p++) {
            char c = s.charAt(p);
            if (c == '\\') { p++; continue; }
            if (c == '\'') {
                int close = s.indexOf('\'', p + 1);
                if (close < 0) return -1;
                p = close;
            } else if (c == '{') {
                level++;
            } else if (c == '}') {
                if (level == 0) return p;
                level--;
            }
        }
        return -1;
    }

    // ---- low level

    private static boolean isMeta(char c) {
        return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    /** The next token if it is a plain unquoted word (for keywords like '{', '}', 'case'); null otherwise. */
    private String peekBareWord() {
        int p = pos;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\n' || isMeta(c)) break;
            if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`') return null;
            p++;
        }
        return p == pos ? null : s.substring(pos, p);
    }

    private void skipBlanks() {
        while (!eof()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (!eof() && s.charAt(pos) != '\n') pos++;
            } else {
                return;
            }
        }
    }

    private void skipBlanksAndNewlines() throws ShellSyntaxException {
        while (true) {
            skipBlanks();
            if (!eof() && s.charAt(pos) == '\n') consumeNewline();
            else return;
        }
    }

    private void expect(char c) throws ShellSyntaxException {
        if (eof() || s.charAt(pos) != c) throw error("missing '" + c + "'");
        pos++;
    }

    private void enter() throws ShellSyntaxException {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private boolean eof() {
        return pos >= s.length();
    }

    private static Word literalWord(String text) {
        Word w = new Word();
        w.parts.add(new Literal(text, false));
        w.source = text;
        return w;
    }

    private ShellSyntaxException error(String what) {
        return new ShellSyntaxException(what + " at offset " + Math.min(pos, s.length()));
    }
}
