package dev.egressguard.engine.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prompt-injection phrases and chat-template tokens of {@code injection-phrases.txt}. A phrase
 * is matched word by word from a trigger word, so prose costs one table look-up per word.
 */
final class InjectionPhrases {
    static final int ONE = 0;
    static final int OPTIONAL = 1;
    static final int REPEAT = 2;
    private static final int MAX_REPEAT = 3;
    private static final int MAX_GAP = 4;

    /** One phrase: groups of alternative words, each once, optional or repeated. */
    static final class Phrase {
        final String[][] groups;
        final int[] kinds;
        final boolean caseSensitive;

        Phrase(String[][] groups, int[] kinds, boolean caseSensitive) {
            this.groups = groups;
            this.kinds = kinds;
            this.caseSensitive = caseSensitive;
        }

        /** The end of the phrase starting at word {@code i}, or -1. */
        int match(char[] a, int n, int i) {
            return matchGroup(a, n, 0, i, true);
        }

        private int matchGroup(char[] a, int n, int g, int pos, boolean first) {
            if (g == groups.length) {
                return pos;
            }
            int ws = first ? pos : nextWord(a, n, pos);
            int we = ws < 0 ? -1 : wordEnd(a, n, ws);
            boolean hit = we > ws && matches(groups[g], a, ws, we);
            switch (kinds[g]) {
                case OPTIONAL:
                    if (hit) {
                        int r = matchGroup(a, n, g + 1, we, false);
                        if (r >= 0) {
                            return r;
                        }
                    }
                    return first ? -1 : matchGroup(a, n, g + 1, pos, false);
                case REPEAT:
                    return matchRepeat(a, n, g, pos, first, 0);
                default:
                    return hit ? matchGroup(a, n, g + 1, we, false) : -1;
            }
        }

        private int matchRepeat(char[] a, int n, int g, int pos, boolean first, int count) {
            int ws = first ? pos : nextWord(a, n, pos);
            int we = ws < 0 ? -1 : wordEnd(a, n, ws);
            if (count < MAX_REPEAT && we > ws && matches(groups[g], a, ws, we)) {
                int r = matchRepeat(a, n, g, we, false, count + 1);
                if (r >= 0) {
                    return r;
                }
            }
            return first && count == 0 ? -1 : matchGroup(a, n, g + 1, pos, first && count == 0);
        }

        private boolean matches(String[] words, char[] a, int ws, int we) {
            int len = we - ws;
            for (String w : words) {
                if (w.length() != len) {
                    continue;
                }
                boolean eq = true;
                for (int k = 0; k < len; k++) {
                    char c = a[ws + k];
                    char x = w.charAt(k);
                    if (c != x && (caseSensitive || Character.toLowerCase(c) != x)) {
                        eq = false;
                        break;
                    }
                }
                if (eq) {
                    return true;
                }
            }
            return false;
        }
    }

    final List<Phrase> phrases = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();

    static InjectionPhrases load() {
        InjectionPhrases p = new InjectionPhrases();
        for (String line : ResourceLines.lines("injection-phrases.txt")) {
            int sp = line.indexOf(' ');
            String kind = line.substring(0, sp);
            String rest = line.substring(sp + 1).trim();
            switch (kind) {
                case "token":
                    p.tokens.add(rest);
                    break;
                case "phrase":
                case "phrase-cs":
                    p.phrases.add(parse(rest, kind.equals("phrase-cs")));
                    break;
                default:
                    throw new IllegalStateException("injection-phrases.txt: unknown line kind " + kind);
            }
        }
        return p;
    }

    private static Phrase parse(String text, boolean caseSensitive) {
        String[] parts = text.split("\\s+");
        String[][] groups = new String[parts.length][];
        int[] kinds = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.endsWith("?")) {
                kinds[i] = OPTIONAL;
                part = part.substring(0, part.length() - 1);
            } else if (part.endsWith("*")) {
                kinds[i] = REPEAT;
                part = part.substring(0, part.length() - 1);
            }
            String[] alts = part.split("\\|");
            for (int k = 0; k < alts.length; k++) {
                alts[k] = caseSensitive ? alts[k] : alts[k].toLowerCase(Locale.ROOT);
            }
            groups[i] = alts;
        }
        return new Phrase(groups, kinds, caseSensitive);
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '-';
    }

    static int wordEnd(char[] a, int n, int ws) {
        int e = ws;
        while (e < n && isWordChar(a[e])) {
            e++;
        }
        while (e > ws && (a[e - 1] == '-' || a[e - 1] == '\'')) {
            e--;
        }
        return e;
    }

    /** The start of the next word after a short gap of spaces and light punctuation, or -1. */
    static int nextWord(char[] a, int n, int pos) {
        int k = pos;
        int gap = 0;
        while (k < n && !(isWordChar(a[k]) && a[k] != '-' && a[k] != '\'')) {
            if (++gap > MAX_GAP) {
                return -1;
            }
            k++;
        }
        return k < n ? k : -1;
    }

    /** The leading [A-Za-z0-9_] characters of each first word of the phrase, lower case: its triggers. */
    static List<String> triggers(Phrase p) {
        List<String> out = new ArrayList<>();
        for (String w : p.groups[0]) {
            int e = 0;
            while (e < w.length() && Character.isLetterOrDigit(w.charAt(e))) {
                e++;
            }
            out.add(w.substring(0, e).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
