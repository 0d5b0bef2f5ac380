package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Collects the findings of one location: maps each span back to the text as sent, names the
 * encodings it went through, marks credential slots, and drops duplicates.
 */
final class Findings {
    private final String location;
    private final boolean allSlot;
    private final List<int[]> slotRanges = new ArrayList<>();
    private final List<Detection> detections = new ArrayList<>();

    Findings(String location, boolean allSlot) {
        this.location = location;
        this.allSlot = allSlot;
    }

    /** Findings that touch {@code [start,end)} of the text as sent are in a credential slot. */
    void addSlot(int start, int end) {
        slotRanges.add(new int[] {start, end});
    }

    void add(TextView v, PatternType type, int start, int end, double confidence, String issuer,
             String normalisedValue, String label) {
        int s = start;
        int e = end;
        Deque<String> layers = new ArrayDeque<>(2);
        TextView cur = v;
        while (cur.parent != null) {
            int[] p = cur.toParent(s, e);
            if (cur.layer != null && (p[2] == 1 || cur.layerAlways)) {
                layers.addFirst(cur.layer);
            }
            s = p[0];
            e = p[1];
            cur = cur.parent;
        }
        if (cur.layer != null) {
            layers.addFirst(cur.layer);
        }
        addResolved(type, s, e, confidence, encodingName(layers), issuer, ValueIds.of(normalisedValue), label);
    }

    void addResolved(PatternType type, int start, int end, double confidence, String encoding, String issuer,
                     String valueId, String label) {
        detections.add(new Detection(type, start, end, confidence, location, encoding, issuer, valueId,
                inSlot(start, end), label));
    }

    boolean covered(PatternType type, int start, int end) {
        for (Detection d : detections) {
            if (d.type() == type && d.start() < end && start < d.end()) {
                return true;
            }
        }
        return false;
    }

    private boolean inSlot(int start, int end) {
        if (allSlot) {
            return true;
        }
        for (int[] r : slotRanges) {
            if (start < r[1] && r[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static String encodingName(Deque<String> layers) {
        if (layers.isEmpty()) {
            return "plain";
        }
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (String l : layers) {
            if (l.equals(last)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('+');
            }
            sb.append(l);
            last = l;
        }
        return sb.toString();
    }

    /**
     * Sorted by position; of the same type over overlapping spans, the most confident (then longest) stays,
     * except that one encoded token holding several distinct values keeps them all (they count as values).
     */
    List<Detection> result() {
        if (detections.size() <= 1) {
            return detections;
        }
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed()
                .thenComparing(Comparator.comparingInt((Detection d) -> d.end() - d.start()).reversed()));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean dup = false;
            for (Detection k : kept) {
                if (k.type() == d.type() && k.start() < d.end() && d.start() < k.end()
                        && (k.valueId().equals(d.valueId()) || k.confidence() > d.confidence()
                            || k.start() != d.start() || k.end() != d.end())) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt(Detection::start).thenComparingInt(Detection::end));
        return kept;
    }
}
