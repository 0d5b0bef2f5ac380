package dev.egressguard.engine.inspect;

import java.util.Arrays;

/**
 * Maps positions of a decoded text back to positions of the text it was decoded from. Sparse:
 * it stores only the points where the distance between the two changes, so a decoding that
 * touches few characters costs little.
 */
final class OffsetMap {
    private int[] positions = new int[8];
    private int[] deltas = new int[8];
    private int size;
    private int current;

    /** The decoded character at {@code decodedIndex} starts at {@code sourceIndex}; calls come in increasing order. */
    void map(int decodedIndex, int sourceIndex) {
        int delta = sourceIndex - decodedIndex;
        if (delta == current) {
            return;
        }
        if (size > 0 && positions[size - 1] == decodedIndex) {
            deltas[size - 1] = delta;
        } else {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                deltas = Arrays.copyOf(deltas, size * 2);
            }
            positions[size] = decodedIndex;
            deltas[size] = delta;
            size++;
        }
        current = delta;
    }

    int toSource(int decodedIndex) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] <= decodedIndex) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return decodedIndex + (found < 0 ? 0 : deltas[found]);
    }
}
