package dev.egressguard.engine.inspect;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Normalisation for matching (SPEC §5.4): NFKC, invisible characters removed, look-alike digits
 * folded to ASCII. ASCII text is returned as is, without any work beyond one check.
 */
final class UnicodeFolder {
    private UnicodeFolder() {
    }

    static boolean isAscii(char[] a, int n) {
        int or = 0;
        for (int i = 0; i < n; i++) {
            or |= a[i];
        }
        return or < 0x80;
    }

    static TextView fold(TextView v) {
        char[] a = v.chars;
        int n = v.length;
        if (isAscii(a, n)) {
            return v;
        }
        char[] out = new char[n + 16];
        OffsetMap map = new OffsetMap();
        int k = 0;
        int i = 0;
        while (i < n) {
            char c = a[i];
            if (c < 0x80) {
                if (k == out.length) {
                    out = Arrays.copyOf(out, out.length * 2 + 8);
                }
                map.map(k, i);
                out[k++] = c;
                i++;
                continue;
            }
            int cp = Character.codePointAt(a, i, n);
            int cpLen = Character.charCount(cp);
            if (isInvisible(cp)) {
                i += cpLen;
                continue;
            }
            if (out.length < k + 8) {
                out = Arrays.copyOf(out, out.length * 2 + 8);
            }
            int digit = foldedDigit(cp);
            if (digit >= 0) {
                map.map(k, i);
                out[k++] = (char) ('0' + digit);
                i += cpLen;
                continue;
            }
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                map.map(k, i);
                out[k++] = (char) (cp - 0xFEE0);
                i += cpLen;
                continue;
            }
            // a run of other non-ASCII characters: usually already NFKC (prose in other scripts), checked at once
            int runEnd = i;
            while (runEnd < n && a[runEnd] >= 0x80) {
                int rc = Character.codePointAt(a, runEnd, n);
                if (isInvisible(rc) || foldedDigit(rc) >= 0 || (rc >= 0xFF01 && rc <= 0xFF5E)) {
                    break;
                }
                runEnd += Character.charCount(rc);
            }
            if (runEnd == i) {
                runEnd = i + cpLen;
            }
            if (Normalizer.isNormalized(CharBuffer.wrap(a, i, runEnd - i), Normalizer.Form.NFKC)) {
                if (out.length < k + (runEnd - i) + 8) {
                    out = Arrays.copyOf(out, Math.max(out.length * 2, k + (runEnd - i) + 8));
                }
                for (int j = i; j < runEnd; j++) {
                    map.map(k, j);
                    out[k++] = a[j];
                }
                i = runEnd;
                continue;
            }
            while (i < runEnd) {
                int rc = Character.codePointAt(a, i, n);
                int rl = Character.charCount(rc);
                String norm = Normalizer.normalize(new String(a, i, rl), Normalizer.Form.NFKC);
                if (out.length < k + norm.length() + 8) {
                    out = Arrays.copyOf(out, Math.max(out.length * 2, k + norm.length() + 8));
                }
                for (int j = 0; j < norm.length(); j++) {
                    char nc = norm.charAt(j);
                    int d = foldedDigit(nc);
                    map.map(k, i);
                    out[k++] = d >= 0 ? (char) ('0' + d) : nc;
                }
                i += rl;
            }
        }
        map.map(k, n);
        return v.decoded(out, k, map, "unicode", false);
    }

    /** A decimal digit of any script (full-width, Arabic-Indic, mathematical ...) as 0-9; -1 otherwise. */
    static int foldedDigit(int cp) {
        if (cp < 0x80) {
            return -1;
        }
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return Character.digit(cp, 10);
        }
        return -1;
    }

    static boolean isInvisible(int cp) {
        switch (cp) {
            case 0x00AD: case 0x034F: case 0x061C: case 0x115F: case 0x1160: case 0x17B4: case 0x17B5:
            case 0x3164: case 0xFEFF: case 0xFFA0:
                return true;
            default:
                return (cp >= 0x180B && cp <= 0x180E)
                        || (cp >= 0x200B && cp <= 0x200F)
                        || (cp >= 0x202A && cp <= 0x202E)
                        || (cp >= 0x2060 && cp <= 0x206F)
                        || (cp >= 0xFE00 && cp <= 0xFE0F)
                        || (cp >= 0xE0000 && cp <= 0xE007F)
                        || (cp >= 0xE0100 && cp <= 0xE01EF);
        }
    }
}
