package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
        if (v.parent == null) {
            addResolved(type, start, end, confidence, v.layer == null ? "plain" : v.layer, issuer,
                    ValueIds.of(normalisedValue), label);
            return;
        }
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
        int size = detections.size();
        if (size <= 1) {
            return detections;
        }
        Detection[] sorted = detections.toArray(new Detection[0]);
        java.util.Arrays.sort(sorted, (x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
                : Integer.compare(y.end(), x.end()));
        List<Detection> kept = new ArrayList<>(size);
        for (Detection d : sorted) {
            int clash = -1;
            // same-type overlaps sit close together in start order: look back while spans can still overlap
            for (int k = kept.size() - 1; k >= 0 && k >= kept.size() - 8; k--) {
                Detection o = kept.get(k);
                if (o.type() == d.type() && o.end() > d.start()) {
                    clash = k;
                    break;
                }
            }
            if (clash < 0) {
                kept.add(d);
                continue;
            }
            Detection o = kept.get(clash);
            boolean sameSpan = o.start() == d.start() && o.end() == d.end();
            if (sameSpan && !o.valueId().equals(d.valueId()) && o.confidence() == d.confidence()) {
                kept.add(d); // one encoded token, several values
            } else if (d.confidence() > o.confidence()) {
                kept.set(clash, d);
            }
        }
        return kept;
    }
}
