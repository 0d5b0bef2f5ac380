package dev.egressguard.engine.inspect;

/**
 * Which words of a text could start a word detector (a vendor key, a trigger word, an ICD code),
 * by their first two characters, first and last character and length. Prose shares first letters
 * with trigger words all the time ("for" and "forget", "team" and "tell"), rarely all of these, so
 * nearly every word of a clean prompt is passed over after two table look-ups.
 */
final class WordStarts {
    static final byte VENDOR = 1;
    static final byte TRIGGER = 2;
    static final byte ICD = 4;
    /** Words this long or longer are always looked at: they may be keys or tokens. */
    static final int LONG_WORD = 20;
    /** Length bit 0 (no word is empty): a detector starting with these two characters at any length. */
    private static final int ANY_LENGTH = 1;

    /**
     * Word characters numbered 0-62, anything else 63: two of them index a table of 4096 entries,
     * small enough for the tables to stay in the first-level cache during a scan.
     */
    private static final byte[] CODE = new byte[128];

    static {
        java.util.Arrays.fill(CODE, (byte) 63);
        String word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        for (int k = 0; k < word.length(); k++) {
            CODE[word.charAt(k)] = (byte) k;
        }
    }

    /** By the first two characters: which detectors could start there. */
    private final byte[] detectors = new byte[64 * 64];
    /** By the first two characters: bit L for a detector whose word has length L. */
    private final int[] byFirstTwo = new int[64 * 64];
    /** By the first and last character: bit L likewise. */
    private final int[] byFirstLast = new int[64 * 64];

    private static int index(char c1, char c2) {
        return CODE[c1 & 127] << 6 | (c2 < 128 ? CODE[c2] : 63);
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

    /** A detector started by any word beginning with {@code c1 c2}. */
    void addAnyLength(char c1, char c2, byte detector) {
        int p = index(c1, c2);
        detectors[p] |= detector;
        byFirstTwo[p] |= ANY_LENGTH;
    }

    /** Whether the ASCII word {@code a[i,j)} could start a detector; {@code c2} is the character after its first. */
    boolean may(char[] a, int i, int j, char c2) {
        int length = j - i;
        if (length >= LONG_WORD) {
            return true;
        }
        int bit = 1 << length;
        int f = byFirstTwo[index(a[i], c2)];
        if ((f & (bit | ANY_LENGTH)) == 0) {
            return false;
        }
        return (f & ANY_LENGTH) != 0 || (byFirstLast[index(a[i], a[j - 1])] & bit) != 0;
    }

    /** The detectors that could start with {@code c1 c2}: {@link #VENDOR}, {@link #TRIGGER}, {@link #ICD}. */
    byte detectors(char c1, char c2) {
        return detectors[index(c1, c2)];
    }
}
