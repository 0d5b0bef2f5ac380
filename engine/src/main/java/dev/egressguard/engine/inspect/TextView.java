package dev.egressguard.engine.inspect;

/**
 * One text the detectors scan, and how it maps back to the text it came from: the root is the
 * text as sent; each decoding (form, JSON escapes, percent, Unicode folding, base64) is a child
 * view that knows its parent and the encoding name it removed.
 */
final class TextView {
    final char[] chars;
    final int length;
    final TextView parent;
    /** Maps to parent positions; null means identity shifted by {@link #offset}. */
    final OffsetMap map;
    final int offset;
    /** When >= 0, every span of this view stands for this whole token of the parent (an encoded token). */
    final int tokenStart;
    final int tokenEnd;
    /** The encoding this view removed, or null for a plain region. */
    final String layer;
    /** Report {@link #layer} for every finding (gzip, form, multipart), not only where the text changed. */
    final boolean layerAlways;
    /** Base64 nesting depth. */
    final int depth;
    /** The same text as a String when one exists already (the root), else null. */
    String string;
    /** 1 when the text is known to be ASCII, else -1 (unknown). */
    int ascii = -1;

    private TextView(char[] chars, int length, TextView parent, OffsetMap map, int offset,
                     int tokenStart, int tokenEnd, String layer, boolean layerAlways, int depth) {
        this.chars = chars;
        this.length = length;
        this.parent = parent;
        this.map = map;
        this.offset = offset;
        this.tokenStart = tokenStart;
        this.tokenEnd = tokenEnd;
        this.layer = layer;
        this.layerAlways = layerAlways;
        this.depth = depth;
    }

    static TextView root(char[] chars, int length, String layer) {
        return new TextView(chars, length, null, null, 0, -1, -1, layer, layer != null, 0);
    }

    static TextView root(String text, char[] chars, int length, String layer, int ascii) {
        TextView v = root(chars, length, layer);
        v.string = length == text.length() ? text : null;
        v.ascii = ascii;
        return v;
    }

    /** A region of this view, scanned on its own (a multipart part, a printable run of a binary body). */
    TextView region(int start, int end, String layer) {
        char[] copy = java.util.Arrays.copyOfRange(chars, start, end);
        return new TextView(copy, end - start, this, null, start, -1, -1, layer, layer != null, depth);
    }

    /** A decoding of this view, positions mapped by {@code map}. */
    TextView decoded(char[] decoded, int decodedLength, OffsetMap map, String layer, boolean always) {
        return new TextView(decoded, decodedLength, this, map, 0, -1, -1, layer, always, depth);
    }

    /** The decoding of one encoded token of this view (base64): findings map to the whole token. */
    TextView token(char[] decoded, int decodedLength, int start, int end, String layer) {
        return new TextView(decoded, decodedLength, this, null, 0, start, end, layer, true, depth + 1);
    }

    String text() {
        return string != null ? string : new String(chars, 0, length);
    }

    /** Maps {@code [start,end)} of this view to the parent; returns {start,end} and whether the text differs. */
    int[] toParent(int start, int end) {
        int ps;
        int pe;
        boolean changed;
        if (tokenStart >= 0) {
            return new int[] {tokenStart, tokenEnd, 1};
        }
        if (map == null) {
            ps = start + offset;
            pe = end + offset;
            changed = false;
        } else {
            ps = map.toSource(start);
            pe = end > start ? Math.max(map.toSource(end), map.toSource(end - 1) + 1) : map.toSource(end);
            changed = pe - ps != end - start || !sameChars(chars, start, parent.chars, ps, end - start);
        }
        return new int[] {ps, pe, changed ? 1 : 0};
    }

    private static boolean sameChars(char[] a, int as, char[] b, int bs, int len) {
        if (bs < 0 || bs + len > b.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (a[as + i] != b[bs + i]) {
                return false;
            }
        }
        return true;
    }
}
