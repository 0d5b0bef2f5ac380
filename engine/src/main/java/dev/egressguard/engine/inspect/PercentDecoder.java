package dev.egressguard.engine.inspect;

/** Percent-decoding (UTF-8), and for form bodies also '+' as space. */
final class PercentDecoder {
    private PercentDecoder() {
    }

    static boolean hasEscape(char[] a, int n) {
        for (int i = 0; i < n - 2; i++) {
            if (a[i] == '%' && JsonUnescaper.hex(a[i + 1]) >= 0 && JsonUnescaper.hex(a[i + 2]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** @param form decode '+' as space and always report the layer (an x-www-form-urlencoded body) */
    static TextView decode(TextView v, boolean form) {
        char[] a = v.chars;
        int n = v.length;
        if (!form && !hasEscape(a, n)) {
            return v;
        }
        char[] out = new char[n];
        OffsetMap map = new OffsetMap();
        int k = 0;
        int i = 0;
        while (i < n) {
            char c = a[i];
            map.map(k, i);
            if (c == '+' && form) {
                out[k++] = ' ';
                i++;
                continue;
            }
            int b0 = byteAt(a, n, i);
            if (b0 < 0) {
                out[k++] = c;
                i++;
                continue;
            }
            int need = b0 < 0x80 ? 0 : b0 >= 0xF0 && b0 < 0xF8 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC2 && b0 < 0xE0 ? 1 : -1;
            int cp = need == 0 ? b0 : need == 1 ? b0 & 0x1F : need == 2 ? b0 & 0x0F : b0 & 0x07;
            int j = i + 3;
            boolean ok = need >= 0;
            for (int m = 0; ok && m < need; m++) {
                int bm = byteAt(a, n, j);
                if (bm < 0 || (bm & 0xC0) != 0x80) {
                    ok = false;
                } else {
                    cp = cp << 6 | (bm & 0x3F);
                    j += 3;
                }
            }
            if (!ok || cp > 0x10FFFF) {
                // not UTF-8: keep each escaped byte as the Latin-1 character it names
                out[k++] = (char) b0;
                i += 3;
                continue;
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                out = ensure(out, k + 2);
                out[k++] = Character.highSurrogate(cp);
                map.map(k, i);
                out[k++] = Character.lowSurrogate(cp);
            } else {
                out[k++] = (char) cp;
            }
            i = j;
        }
        map.map(k, n);
        return v.decoded(out, k, map, form ? "form" : "url", form);
    }

    private static char[] ensure(char[] out, int size) {
        return size <= out.length ? out : java.util.Arrays.copyOf(out, Math.max(size, out.length * 2));
    }

    private static int byteAt(char[] a, int n, int i) {
        if (i + 2 < n && a[i] == '%') {
            int h = JsonUnescaper.hex(a[i + 1]);
            int l = JsonUnescaper.hex(a[i + 2]);
            if (h >= 0 && l >= 0) {
                return h << 4 | l;
            }
        }
        return -1;
    }
}
