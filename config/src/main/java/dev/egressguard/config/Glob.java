package dev.egressguard.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The glob syntax of SPEC §5.2, compiled to a sequence of one-character tokens, each taken once
 * or repeated ({@code *}, {@code **}, {@code X+}), and matched by stepping all positions in the
 * pattern through the subject at once. That costs at most subject length × pattern length steps
 * whatever the pattern: a backtracking regex would take polynomial time on
 * {@code **a**a**a**b} against a long URL, and a rule is tested on every request.
 */
final class Glob {

    /** Which of §5.2's languages the source is written in. */
    enum Dialect {
        /** {@code network.request}: whole URLs; scheme and host case-insensitive. */
        URL,
        /** {@code network.dns}: a host name, case-insensitive. */
        HOST,
        /** Registry {@code pathPatterns}: a URL path, case-sensitive. */
        PATH,
        /** {@code shell.exec}: {@code *} crosses {@code /}, {@code ?} is one character, all else literal. */
        COMMAND
    }

    private final Token[] tokens;
    /** Literal characters; an escape or a class counts as one, wildcards as none (SPEC §5.6 step 2). */
    final int specificity;

    private Glob(Token[] tokens, int specificity) {
        this.tokens = tokens;
        this.specificity = specificity;
    }

    static Glob compile(String source, Dialect dialect) {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("empty resource pattern; write e.g. 'https://api.example.com/**'");
        }
        Translation t = new Translation(source, dialect);
        if (dialect == Dialect.URL) {
            t.url();
        } else {
            t.ignoreCase = dialect == Dialect.HOST;
            t.translate(0, source.length());
        }
        return new Glob(t.tokens.toArray(new Token[0]), t.specificity);
    }

    /** Whether the whole subject matches. */
    boolean matches(CharSequence subject) {
        int m = tokens.length;
        boolean[] current = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        current[0] = true;
        close(current);
        for (int k = 0; k < subject.length(); k++) {
            char c = subject.charAt(k);
            boolean any = false;
            for (int i = 0; i < m; i++) {
                if (current[i] && tokens[i].accepts(c)) {
                    next[tokens[i].repeat ? i : i + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            close(next);
            boolean[] swap = current;
            current = next;
            next = swap;
            java.util.Arrays.fill(next, false);
        }
        return current[m];
    }

    /** Adds the positions reachable without consuming: past a repeat, or over an optional part. */
    private void close(boolean[] states) {
        for (int i = 0; i < tokens.length; i++) {
            if (states[i]) {
                if (tokens[i].repeat) {
                    states[i + 1] = true;
                }
                if (tokens[i].skipTo > 0) {
                    states[tokens[i].skipTo] = true;
                }
            }
        }
    }

    /** One character class, taken once or repeated (zero or more times). */
    private static final class Token {
        final CharTest test;
        final boolean repeat;
        /** When positive, the position this token and the ones after it may be skipped to. */
        int skipTo = -1;

        Token(CharTest test, boolean repeat) {
            this.test = test;
            this.repeat = repeat;
        }

        boolean accepts(char c) {
            return test.accepts(c);
        }
    }

    private interface CharTest {
        boolean accepts(char c);
    }

    private static final CharTest ANY = c -> true;
    private static final CharTest NOT_SLASH = c -> c != '/';

    private static CharTest literal(char l, boolean ignoreCase) {
        if (!ignoreCase || Character.toLowerCase(l) == Character.toUpperCase(l)) {
            return c -> c == l;
        }
        char lower = Character.toLowerCase(l);
        char upper = Character.toUpperCase(l);
        return c -> c == lower || c == upper;
    }

    private static CharTest escapeClass(char e) {
        switch (e) {
            case 'd': return c -> c >= '0' && c <= '9';
            case 'D': return c -> !(c >= '0' && c <= '9');
            case 'w': return Glob::isWord;
            case 'W': return c -> !isWord(c);
            case 's': return Glob::isSpace;
            default: return c -> !isSpace(c); // 'S'
        }
    }

    // \w and \s as java.util.regex defines them
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** A {@code [...]} class: ranges and escape classes, maybe negated. */
    private static final class ClassTest implements CharTest {
        private final char[] ranges; // lo, hi pairs
        private final CharTest[] escapes;
        private final boolean negated;
        private final boolean ignoreCase;

        ClassTest(char[] ranges, CharTest[] escapes, boolean negated, boolean ignoreCase) {
            this.ranges = ranges;
            this.escapes = escapes;
            this.negated = negated;
            this.ignoreCase = ignoreCase;
        }

        @Override
        public boolean accepts(char c) {
            boolean in = member(c) || ignoreCase && (member(Character.toLowerCase(c)) || member(Character.toUpperCase(c)));
            return in != negated;
        }

        private boolean member(char c) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (c >= ranges[i] && c <= ranges[i + 1]) {
                    return true;
                }
            }
            for (CharTest e : escapes) {
                if (e.accepts(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One pass over a pattern's source, appending tokens. */
    private static final class Translation {
        private final String src;
        private final Dialect dialect;
        final List<Token> tokens = new ArrayList<>();
        int specificity;
        boolean ignoreCase;

        Translation(String src, Dialect dialect) {
            this.src = src;
            this.dialect = dialect;
        }

        private Token add(CharTest test, boolean repeat) {
            Token t = new Token(test, repeat);
            tokens.add(t);
            return t;
        }

        private void addLiterals(String s) {
            for (int i = 0; i < s.length(); i++) {
                add(literal(s.charAt(i), ignoreCase), false);
            }
        }

        /**
         * Scheme and authority case-insensitive, the path case-sensitive. A pattern without
         * {@code ://} names a host (any scheme), or with a leading {@code /} a path (any host):
         * {@code deny *} beside {@code allow *.corp.example} must mean hosts, not fail to match.
         */
        void url() {
            ignoreCase = true;
            int sep = src.indexOf("://");
            int firstSlash = src.indexOf('/');
            if (sep >= 0 && firstSlash < sep) {
                sep = -1; // "://" inside a path, e.g. "/redirect?to=https://x", is no scheme
            }
            int authorityStart;
            if (sep >= 0) {
                translate(0, sep + 3);
                authorityStart = sep + 3;
            } else {
                add(NOT_SLASH, true);
                addLiterals("://");
                if (src.startsWith("/")) {
                    add(NOT_SLASH, true);
                }
                authorityStart = 0;
            }
            int pathStart = findPathStart(authorityStart);
            int authorityEnd = pathStart < 0 ? src.length() : pathStart;
            if (authorityEnd - authorityStart >= 2 && src.charAt(authorityEnd - 1) == '*'
                    && src.charAt(authorityEnd - 2) == ':' && !escaped(authorityEnd - 2)) {
                // "host:*" means any port; the default port, omitted from the URL, is one of them
                translate(authorityStart, authorityEnd - 2);
                optional(literal(':', false), NOT_SLASH);
            } else {
                translate(authorityStart, authorityEnd);
            }
            ignoreCase = false;
            if (pathStart < 0) {
                // a pattern that ends at the host matches every path (SPEC §5.2)
                optional(c -> c == '/' || c == '?' || c == '#', ANY);
            } else {
                translate(pathStart, src.length());
            }
        }

        /** {@code (first rest*)?}: one character, then any run of another kind, or nothing. */
        private void optional(CharTest first, CharTest rest) {
            Token head = add(first, false);
            add(rest, true);
            head.skipTo = tokens.size();
        }

        private boolean escaped(int index) {
            int backslashes = 0;
            for (int i = index - 1; i >= 0 && src.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }

        /** The first unescaped {@code /} outside a class, from {@code from}; -1 when none. */
        private int findPathStart(int from) {
            int i = from;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '[') {
                    int close = classEnd(i);
                    i = close < 0 ? src.length() : close + 1;
                } else if (c == '/') {
                    return i;
                } else {
                    i++;
                }
            }
            return -1;
        }

        /** Index of the {@code ]} closing the class opened at {@code open}, or -1. */
        private int classEnd(int open) {
            for (int i = open + 1; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == ']') {
                    return i;
                }
            }
            return -1;
        }

        void translate(int from, int to) {
            CharTest quantifiable = null; // the previous token, when it was an escape or a class
            int i = from;
            while (i < to) {
                char c = src.charAt(i);
                if (dialect == Dialect.COMMAND) {
                    if (c == '*') {
                        add(ANY, true);
                        while (i + 1 < to && src.charAt(i + 1) == '*') {
                            i++;
                        }
                    } else if (c == '?') {
                        add(ANY, false);
                    } else {
                        add(literal(c, false), false);
                        specificity++;
                    }
                    i++;
                    continue;
                }
                CharTest single = null;
                switch (c) {
                    case '*': {
                        int run = 1;
                        while (i + run < to && src.charAt(i + run) == '*') {
                            run++;
                        }
                        add(run >= 2 ? ANY : NOT_SLASH, true);
                        i += run;
                        break;
                    }
                    case '?':
                        add(NOT_SLASH, false);
                        i++;
                        break;
                    case '\\':
                        single = escape(i, to);
                        add(single, false);
                        specificity++;
                        i += 2;
                        break;
                    case '[': {
                        int close = classEnd(i);
                        if (close < 0 || close >= to) {
                            throw bad(i, "has an unclosed '['; close the character class with ']' or write '\\[' for a literal bracket");
                        }
                        single = charClass(i, close);
                        add(single, false);
                        specificity++;
                        i = close + 1;
                        break;
                    }
                    case '+':
                        if (quantifiable != null) {
                            add(quantifiable, true); // X+ is X then X*
                        } else {
                            add(literal(c, false), false);
                            specificity++;
                        }
                        i++;
                        break;
                    default:
                        add(literal(c, ignoreCase), false);
                        specificity++;
                        i++;
                        break;
                }
                quantifiable = single;
            }
        }

        private CharTest escape(int i, int to) {
            if (i + 1 >= to) {
                throw bad(i, "ends with a lone backslash; write '\\\\' for a literal backslash");
            }
            char e = src.charAt(i + 1);
            if (isClassEscape(e)) {
                return escapeClass(e);
            }
            if (isAsciiLetterOrDigit(e)) {
                throw bad(i, "has the unknown escape '\\" + e
                        + "'; use \\d, \\w, \\s (or \\D, \\W, \\S), or escape punctuation such as '\\.'");
            }
            return literal(e, ignoreCase);
        }

        private CharTest charClass(int open, int close) {
            StringBuilder ranges = new StringBuilder();
            List<CharTest> escapes = new ArrayList<>();
            int i = open + 1;
            boolean negated = false;
            if (i < close && src.charAt(i) == '^') {
                negated = true;
                i++;
            }
            if (i == close) {
                throw bad(open, "has an empty character class '" + src.substring(open, close + 1) + "'");
            }
            while (i < close) {
                char lo = src.charAt(i);
                if (lo == '\\') {
                    char e = src.charAt(i + 1); // classEnd skipped escapes, so i + 1 < close
                    if (isClassEscape(e)) {
                        escapes.add(escapeClass(e));
                        i += 2;
                        continue;
                    }
                    if (isAsciiLetterOrDigit(e)) {
                        throw bad(i, "has the unknown escape '\\" + e + "' in a character class");
                    }
                    lo = e;
                    i += 2;
                } else {
                    i++;
                }
                char hi = lo;
                if (i + 1 < close && src.charAt(i) == '-') {
                    hi = src.charAt(i + 1);
                    i += 2;
                    if (hi == '\\') {
                        hi = src.charAt(i);
                        if (isAsciiLetterOrDigit(hi)) {
                            throw bad(i - 1, "has a range ending in an escape class");
                        }
                        i++;
                    }
                    if (hi < lo) {
                        throw bad(open, "has the backwards range '" + lo + "-" + hi + "' in a character class");
                    }
                }
                ranges.append(lo).append(hi);
            }
            return new ClassTest(ranges.toString().toCharArray(), escapes.toArray(new CharTest[0]), negated, ignoreCase);
        }

        private IllegalArgumentException bad(int index, String what) {
            return new IllegalArgumentException("resource pattern '" + src + "' " + what + " (at character " + (index + 1) + ")");
        }
    }

    private static boolean isClassEscape(char e) {
        return e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 's' || e == 'S';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
