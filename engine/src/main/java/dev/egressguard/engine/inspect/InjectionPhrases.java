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
    /** The most words a phrase may span. */
    private static final int MAX_WORDS = 16;

    /** One phrase: groups of alternative words, each once, optional or repeated. */
    static final class Phrase {
        final String[][] groups;
        final int[] kinds;
        final boolean caseSensitive;
        /** Per group, bit L (at most 31) set when an alternative has L characters: most words miss. */
        private final int[] lengths;
        /** The groups as characters, for the comparisons. */
        private final char[][][] alternatives;
        /**
         * By the first letter of the word after the trigger ({@link #letter}), bit L when a word of
         * length L can come there; null when the phrase may end at its trigger. Trigger words are
         * common English ("write", "show", "you"): most of them end here, after one look-up.
         */
        private final int[] second;

        Phrase(String[][] groups, int[] kinds, boolean caseSensitive) {
            this.groups = groups;
            this.kinds = kinds;
            this.caseSensitive = caseSensitive;
            this.lengths = new int[groups.length];
            this.alternatives = new char[groups.length][][];
            int words = 0;
            for (int g = 0; g < groups.length; g++) {
                alternatives[g] = new char[groups[g].length][];
                for (int k = 0; k < groups[g].length; k++) {
                    alternatives[g][k] = groups[g][k].toCharArray();
                    lengths[g] |= 1 << Math.min(groups[g][k].length(), 31);
                }
                words += kinds[g] == REPEAT ? MAX_REPEAT : 1;
            }
            if (words > MAX_WORDS) {
                throw new IllegalStateException("injection-phrases.txt: a phrase spans more than " + MAX_WORDS + " words");
            }
            int[] next = new int[27];
            boolean required = false;
            for (int g = kinds[0] == REPEAT ? 0 : 1; g < groups.length && !required; g++) {
                for (String alt : groups[g]) {
                    next[letter(alt.charAt(0))] |= 1 << Math.min(alt.length(), 31);
                }
                required = g > 0 && kinds[g] == ONE;
            }
            this.second = required ? next : null;
        }

        /** A word's first character as 0-25 for a letter of either case, 26 for anything else. */
        private static int letter(char c) {
            int l = (c | 0x20) - 'a';
            return l >= 0 && l < 26 ? l : 26;
        }

        /** The end of the phrase starting at the first of {@code words}, or -1. */
        int match(Words words) {
            if (second != null) {
                if (!words.has(1)) {
                    return -1;
                }
                int s = words.start(1);
                if ((second[letter(words.a[s])] & 1 << Math.min(words.end(1) - s, 31)) == 0) {
                    return -1;
                }
            }
            return matchGroup(words, 0, 0);
        }

        /** Group {@code g} and those after it, from word {@code k}; word 0 (the trigger) may not be skipped. */
        private int matchGroup(Words w, int g, int k) {
            if (g == groups.length) {
                return w.end(k - 1);
            }
            switch (kinds[g]) {
                case OPTIONAL:
                    if (matches(g, w, k)) {
                        int r = matchGroup(w, g + 1, k + 1);
                        if (r >= 0) {
                            return r;
                        }
                    }
                    return k == 0 ? -1 : matchGroup(w, g + 1, k);
                case REPEAT:
                    return matchRepeat(w, g, k, 0);
                default:
                    return matches(g, w, k) ? matchGroup(w, g + 1, k + 1) : -1;
            }
        }

        private int matchRepeat(Words w, int g, int k, int count) {
            if (count < MAX_REPEAT && matches(g, w, k)) {
                int r = matchRepeat(w, g, k + 1, count + 1);
                if (r >= 0) {
                    return r;
                }
            }
            return k == 0 ? -1 : matchGroup(w, g + 1, k);
        }

        private boolean matches(int g, Words w, int k) {
            if (!w.has(k)) {
                return false;
            }
            int ws = w.start(k);
            int len = w.end(k) - ws;
            if ((lengths[g] & 1 << Math.min(len, 31)) == 0) {
                return false;
            }
            char[] a = w.a;
            for (char[] alt : alternatives[g]) {
                if (alt.length != len) {
                    continue;
                }
                boolean eq = true;
                for (int p = 0; p < len; p++) {
                    char c = a[ws + p];
                    char x = alt[p];
                    if (c != x && (caseSensitive || c < 'A' || c > 'Z' || (c | 0x20) != x)) {
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

    /**
     * The words from a trigger on, found as a phrase asks for them; one per scan, reused by every
     * trigger of its text.
     */
    static final class Words {
        final char[] a;
        private final int n;
        /** start, end of each word found so far. */
        private final int[] bounds = new int[2 * MAX_WORDS];
        private int count;
        private boolean done;

        Words(char[] a, int n) {
            this.a = a;
            this.n = n;
        }

        /** Starts over at the trigger word at {@code first}. */
        Words at(int first) {
            bounds[0] = first;
            bounds[1] = wordEnd(a, n, first);
            count = 1;
            done = false;
            return this;
        }

        boolean has(int k) {
            while (count <= k && !done && count * 2 < bounds.length) {
                int s = nextWord(a, n, bounds[2 * count - 1]);
                if (s < 0) {
                    done = true;
                    break;
                }
                bounds[2 * count] = s;
                bounds[2 * count + 1] = wordEnd(a, n, s);
                count++;
            }
            return k < count && bounds[2 * k + 1] > bounds[2 * k];
        }

        int start(int k) {
            return bounds[2 * k];
        }

        int end(int k) {
            return bounds[2 * k + 1];
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
