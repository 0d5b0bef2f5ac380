package dev.egressguard.engine.inspect;

import java.util.Arrays;

/**
 * The trigger words of one policy's detectors, looked up by the whole word, ignoring case. Prose
 * is full of words that share two first letters with a trigger ("for" and "forget"); a hash of the
 * word turns those away with one probe instead of a comparison against every trigger of the letter.
 */
final class TriggerWords {
    private char[][] words = new char[16][];
    private WordTrigger[][] triggers = new WordTrigger[16][];
    private int size;

    /** Adds a detector started by its (lower-case, ASCII word-character) word. */
    void add(WordTrigger t) {
        if ((size + 1) * 2 > words.length) {
            grow();
        }
        int slot = slot(t.word, 0, t.word.length);
        WordTrigger[] old = triggers[slot];
        if (old == null) {
            words[slot] = t.word;
            triggers[slot] = new WordTrigger[] {t};
            size++;
        } else {
            WordTrigger[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = t;
            triggers[slot] = grown;
        }
    }

    /** The detectors started by the word {@code a[i,end)}, or null. */
    WordTrigger[] find(char[] a, int i, int end) {
        int mask = words.length - 1;
        for (int s = hash(a, i, end) & mask; ; s = (s + 1) & mask) {
            char[] w = words[s];
            if (w == null) {
                return null;
            }
            if (triggers[s][0].is(a, i, end)) {
                return triggers[s];
            }
        }
    }

    /** Every detector, word by word. */
    WordTrigger[][] all() {
        return Arrays.stream(triggers).filter(t -> t != null).toArray(WordTrigger[][]::new);
    }

    private int slot(char[] w, int i, int end) {
        int mask = words.length - 1;
        int s = hash(w, i, end) & mask;
        while (words[s] != null && !Arrays.equals(words[s], w)) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private void grow() {
        WordTrigger[][] old = triggers;
        words = new char[old.length * 2][];
        triggers = new WordTrigger[old.length * 2][];
        size = 0;
        for (WordTrigger[] ts : old) {
            if (ts != null) {
                for (WordTrigger t : ts) {
                    add(t);
                }
            }
        }
    }

    /** Case folded the way {@link WordTrigger#is} compares: {@code | 0x20} on ASCII word characters. */
    static int hash(char[] a, int i, int end) {
        int h = end - i;
        for (int k = i; k < end; k++) {
            h = 31 * h + (a[k] | 0x20);
        }
        return h ^ (h >>> 15);
    }
}
