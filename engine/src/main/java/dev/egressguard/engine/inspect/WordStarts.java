package dev.egressguard.engine.inspect;

/**
 * Which words of a text could start a word detector (a vendor key, a trigger word, an ICD code).
 * Prose shares first letters with trigger words all the time ("for" and "forget", "team" and
 * "tell", "ship" and "skip"), rarely their first two characters, first and last character, length
 * and hash together, so nearly every word of a clean prompt is passed over after one or two table
 * look-ups and the scan stops only at words that are worth a closer look.
 */
final class WordStarts {
    static final byte VENDOR = 1;
    static final byte TRIGGER = 2;
    static final byte ICD = 4;
    /** Words this long or longer are always looked at: they may be keys or tokens. */
    static final int LONG_WORD = 20;
    /** Bit 0 of a length mask (no word is empty): the last character is not looked at. */
    private static final int ANY_LAST = 1;
    private static final int BLOOM_BITS = 1 << 12;

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
    /** The hashes ({@link TriggerWords#hash}) of the trigger words, for the prefixes only they start. */
    private final long[] triggerHashes = new long[BLOOM_BITS / 64];

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

    /** A trigger word, lower case: also noted by its hash. */
    void addTrigger(char[] word) {
        int h = TriggerWords.hash(word, 0, word.length) & (BLOOM_BITS - 1);
        triggerHashes[h >>> 6] |= 1L << h;
    }

    /** A detector started by a word of {@code c1 c2} and any of the lengths of the mask, whatever its last character. */
    void addAnyLast(char c1, char c2, int lengths, byte detector) {
        int p = index(c1, c2);
        detectors[p] |= detector;
        byFirstTwo[p] |= lengths | ANY_LAST;
    }

    /** Bits {@code from} to {@code LONG_WORD - 1}: a word of at least {@code from} characters. */
    static int atLeast(int from) {
        return from >= LONG_WORD ? 0 : -1 << from & (1 << LONG_WORD) - 1;
    }

    /** Whether the ASCII word {@code a[i,j)} could start a detector; {@code c2} is the character after its first. */
    boolean may(char[] a, int i, int j, char c2) {
        int length = j - i;
        if (length >= LONG_WORD) {
            return true;
        }
        int bit = 1 << length;
        int p = index(a[i], c2);
        int f = byFirstTwo[p];
        if ((f & bit) == 0) {
            return false;
        }
        if ((f & ANY_LAST) == 0 && (byFirstLast[index(a[i], a[j - 1])] & bit) == 0) {
            return false;
        }
        if (detectors[p] != TRIGGER) {
            return true;
        }
        int h = TriggerWords.hash(a, i, j) & (BLOOM_BITS - 1);
        return (triggerHashes[h >>> 6] & 1L << h) != 0;
    }

    /** The detectors that could start with {@code c1 c2}: {@link #VENDOR}, {@link #TRIGGER}, {@link #ICD}. */
    byte detectors(char c1, char c2) {
        return detectors[index(c1, c2)];
    }
}
