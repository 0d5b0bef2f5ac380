package dev.egressguard.config;

import java.util.regex.Pattern;

/**
 * Translates the glob syntax of SPEC §5.2 into a {@link Pattern}. Literals are escaped one by
 * one, wildcards become {@code [^/]*} or {@code .*}, and the only quantifier a user can write is
 * {@code +} on a single escape or class, so no pattern can nest quantifiers and backtrack
 * exponentially.
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

    final Pattern regex;
    /** Literal characters; an escape or a class counts as one, wildcards as none (SPEC §5.6 step 2). */
    final int specificity;

    private Glob(Pattern regex, int specificity) {
        this.regex = regex;
        this.specificity = specificity;
    }

    static Glob compile(String source, Dialect dialect) {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("empty resource pattern; write e.g. 'https://api.example.com/**'");
        }
        Translation t = new Translation(source, dialect);
        switch (dialect) {
            case URL:
                t.url();
                break;
            case HOST:
                t.out.append("(?i:");
                t.translate(0, source.length());
                t.out.append(')');
                break;
            default:
                t.translate(0, source.length());
                break;
        }
        return new Glob(Pattern.compile(t.out.toString(), Pattern.DOTALL), t.specificity);
    }

    /** One pass over a pattern's source, appending regex to {@link #out}. */
    private static final class Translation {
        private final String src;
        private final Dialect dialect;
        final StringBuilder out = new StringBuilder();
        int specificity;

        Translation(String src, Dialect dialect) {
            this.src = src;
            this.dialect = dialect;
        }

        /**
         * Scheme and authority inside {@code (?i:...)}, the path case-sensitive. A pattern without
         * {@code ://} names a host (any scheme), or with a leading {@code /} a path (any host):
         * {@code deny *} beside {@code allow *.corp.example} must mean hosts, not fail to match.
         */
        void url() {
            int sep = src.indexOf("://");
            int authorityStart;
            out.append("(?i:");
            if (sep >= 0) {
                translate(0, sep + 3);
                authorityStart = sep + 3;
            } else {
                out.append(src.startsWith("/") ? "[^/]*://[^/]*" : "[^/]*://");
                authorityStart = 0;
            }
            int pathStart = findPathStart(authorityStart);
            int authorityEnd = pathStart < 0 ? src.length() : pathStart;
            // "host:*" means any port; the default port, omitted from the URL, is one of them
            if (authorityEnd - authorityStart >= 2 && src.charAt(authorityEnd - 1) == '*'
                    && src.charAt(authorityEnd - 2) == ':' && !escaped(authorityEnd - 2)) {
                translate(authorityStart, authorityEnd - 2);
                out.append("(?::[^/]*)?");
            } else {
                translate(authorityStart, authorityEnd);
            }
            out.append(')');
            if (pathStart < 0) {
                // a pattern that ends at the host matches every path (SPEC §5.2)
                out.append("(?:[/?#].*)?");
            } else {
                translate(pathStart, src.length());
            }
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
            boolean quantifiable = false; // the previous token was an escape or a class
            int i = from;
            while (i < to) {
                char c = src.charAt(i);
                if (dialect == Dialect.COMMAND) {
                    if (c == '*') {
                        out.append(".*");
                        while (i + 1 < to && src.charAt(i + 1) == '*') {
                            i++;
                        }
                    } else if (c == '?') {
                        out.append('.');
                    } else {
                        int cp = src.codePointAt(i);
                        appendLiteral(out, cp);
                        specificity++;
                        i += Character.charCount(cp) - 1;
                    }
                    i++;
                    continue;
                }
                switch (c) {
                    case '*': {
                        int run = 1;
                        while (i + run < to && src.charAt(i + run) == '*') {
                            run++;
                        }
                        out.append(run >= 2 ? ".*" : "[^/]*");
                        i += run;
                        quantifiable = false;
                        break;
                    }
                    case '?':
                        out.append("[^/]");
                        i++;
                        quantifiable = false;
                        break;
                    case '\\':
                        i = escape(i, to);
                        specificity++;
                        quantifiable = true;
                        break;
                    case '[':
                        i = charClass(i, to);
                        specificity++;
                        quantifiable = true;
                        break;
                    case '+':
                        if (quantifiable) {
                            out.append('+');
                        } else {
                            appendLiteral(out, c);
                            specificity++;
                        }
                        i++;
                        quantifiable = false;
                        break;
                    default: {
                        int cp = src.codePointAt(i);
                        appendLiteral(out, cp);
                        specificity++;
                        i += Character.charCount(cp);
                        quantifiable = false;
                    }
                        break;
                }
            }
        }

        /** Appends the escape at {@code i}; returns the index after it. */
        private int escape(int i, int to) {
            if (i + 1 >= to) {
                throw bad(i, "ends with a lone backslash; write '\\\\' for a literal backslash");
            }
            char e = src.charAt(i + 1);
            if (isClassEscape(e)) {
                out.append('\\').append(e);
            } else if (isAsciiLetterOrDigit(e)) {
                throw bad(i, "has the unknown escape '\\" + e + "'; use \\d, \\w, \\s (or \\D, \\W, \\S), or escape punctuation such as '\\.'");
            } else {
                appendLiteral(out, e);
            }
            return i + 2;
        }

        /** Appends the class opened at {@code open}, each member re-escaped; returns the index after it. */
        private int charClass(int open, int to) {
            int close = classEnd(open);
            if (close < 0 || close >= to) {
                throw bad(open, "has an unclosed '['; close the character class with ']' or write '\\[' for a literal bracket");
            }
            StringBuilder cls = new StringBuilder("[");
            int i = open + 1;
            if (i < close && src.charAt(i) == '^') {
                cls.append('^');
                i++;
            }
            if (i == close) {
                throw bad(open, "has an empty character class '" + src.substring(open, close + 1) + "'");
            }
            while (i < close) {
                char c = src.charAt(i);
                int lo;
                if (c == '\\') {
                    char e = src.charAt(i + 1); // classEnd skipped escapes, so i + 1 < close
                    if (isClassEscape(e)) {
                        cls.append('\\').append(e);
                        i += 2;
                        continue;
                    }
                    if (isAsciiLetterOrDigit(e)) {
                        throw bad(i, "has the unknown escape '\\" + e + "' in a character class");
                    }
                    lo = e;
                    i += 2;
                } else {
                    lo = c;
                    i++;
                }
                if (i + 1 < close && src.charAt(i) == '-') {
                    int hiIndex = i + 1;
                    char hi = src.charAt(hiIndex);
                    int after = hiIndex + 1;
                    if (hi == '\\') {
                        hi = src.charAt(hiIndex + 1);
                        if (isAsciiLetterOrDigit(hi)) {
                            throw bad(hiIndex, "has a range ending in an escape class");
                        }
                        after = hiIndex + 2;
                    }
                    if (hi < lo) {
                        throw bad(open, "has the backwards range '" + (char) lo + "-" + hi + "' in a character class");
                    }
                    appendLiteral(cls, (char) lo);
                    cls.append('-');
                    appendLiteral(cls, hi);
                    i = after;
                } else {
                    appendLiteral(cls, (char) lo);
                }
            }
            out.append(cls).append(']');
            return close + 1;
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

    /** One character as a regex literal, safe inside and outside a class. */
    static void appendLiteral(StringBuilder out, int c) {
        if (c < 0x80 && isAsciiLetterOrDigit((char) c)) {
            out.append((char) c);
        } else if (c > ' ' && c < 0x7f) {
            out.append('\\').append((char) c);
        } else {
            out.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }
}
