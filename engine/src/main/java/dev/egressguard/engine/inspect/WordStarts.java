package dev.egressguard.engine.inspect;

/**
 * Which words of a text could start a word detector (a vendor key, a trigger word, an ICD code).
 * Prose shares first letters with trigger words all the time ("for" and "forget", "team" and
 * "tell"), rarely both its first two characters and its first and last character with a word of
 * the same length: two table look-ups, without a branch between them, pass over nearly every word
 * of a clean prompt. The word detectors themselves then look at the few that pass.
 */
final class WordStarts {
    static final byte VENDOR = 1;
    static final byte TRIGGER = 2;
    static final byte ICD = 4;
    /** Words this long or longer are always looked at: they may be keys or tokens. */
    static final int LONG_WORD = 20;

    /** By {@code c1 << 7 | c2}: which detectors could start there. */
    private final byte[] detectors = new byte[128 * 128];
    /**
     * By {@code c1 << 7 | c2}: bit L for a detector whose word has length L. A word of length L
     * below {@link #LONG_WORD} may start a detector when bit L is set here and in {@link #byFirstLast}
     * (the scan's loop over prose tests that itself).
     */
    final int[] byFirstTwo = new int[128 * 128];
    /** By {@code c1 << 7 | last}: bit L likewise. */
    final int[] byFirstLast = new int[128 * 128];

    private static int index(char c1, char c2) {
        return (c1 & 127) << 7 | (c2 & 127);
    }

    /** A detector started by exactly the word {@code c1 c2 .. last} of {@code length} characters. */
    void add(char c1, char c2, char last, int length, byte detector) {
        int p = index(c1, c2);
        detectors[p] |= detector;
        if (length < LONG_WORD) {
            byFirstTwo[p] |= 1 << length;
            byFirstLast[index(c1, last)] |= 1 << length;
        }
    }

    /** A detector started by a word of {@code c1 c2} and any of the lengths of the mask, whatever its last character. */
    void addAnyLast(char c1, char c2, int lengths, byte detector) {
        int p = index(c1, c2);
        detectors[p] |= detector;
        byFirstTwo[p] |= lengths;
        for (char last = 0; last < 128; last++) {
            byFirstLast[index(c1, last)] |= lengths;
        }
    }

    /** Bits {@code from} to {@code LONG_WORD - 1}: a word of at least {@code from} characters. */
    static int atLeast(int from) {
        return from >= LONG_WORD ? 0 : -1 << from & (1 << LONG_WORD) - 1;
    }

    /** The detectors that could start with {@code c1 c2}: {@link #VENDOR}, {@link #TRIGGER}, {@link #ICD}. */
    byte detectors(char c1, char c2) {
        return detectors[index(c1, c2)];
    }
}
