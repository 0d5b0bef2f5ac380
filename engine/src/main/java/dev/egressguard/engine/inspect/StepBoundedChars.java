package dev.egressguard.engine.inspect;

/**
 * The text as a CharSequence that counts every character a regex reads and gives up past a
 * budget, so a policy's own regex can never hang a request (SPEC §5.4, CUSTOM_REGEX).
 */
final class StepBoundedChars implements CharSequence {
    /** Thrown when the budget is spent; carries no text. */
    static final class StepLimitExceeded extends RuntimeException {
        StepLimitExceeded() {
            super("custom regex step limit exceeded", null, false, false);
        }
    }

    private final char[] a;
    private final int offset;
    private final int length;
    private final long[] steps;
    private final long budget;

    StepBoundedChars(char[] a, int length, long budget) {
        this(a, 0, length, new long[1], budget);
    }

    private StepBoundedChars(char[] a, int offset, int length, long[] steps, long budget) {
        this.a = a;
        this.offset = offset;
        this.length = length;
        this.steps = steps;
        this.budget = budget;
    }

    /** Linear regexes read each character a few times; 100 reads per character plus a floor is generous. */
    static long budgetFor(int textLength) {
        return 1_000_000L + 100L * textLength;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (++steps[0] > budget) {
            throw new StepLimitExceeded();
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index);
        }
        return a[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new StepBoundedChars(a, offset + start, end - start, steps, budget);
    }

    @Override
    public String toString() {
        return new String(a, offset, length);
    }
}
