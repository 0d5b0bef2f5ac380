package dev.egressguard.engine.inspect;

/** A detector started by one word (its first word, lower case): a phrase, a keyword, a record label. */
abstract class WordTrigger {
    final char[] word;

    WordTrigger(String word) {
        this.word = word.toCharArray();
    }

    /** Whether {@code a[i,end)} is the trigger word, ignoring case. */
    final boolean is(char[] a, int i, int end) {
        if (end - i != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            char c = a[i + k];
            if (c != word[k] && (c | 0x20) != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** Runs the detector at the trigger word {@code a[i,wordEnd)}; returns where scanning goes on, or -1. */
    abstract int fire(Scan scan, int i, int wordEnd);
}
