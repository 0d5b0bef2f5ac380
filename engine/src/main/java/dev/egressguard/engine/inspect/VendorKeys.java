package dev.egressguard.engine.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Vendor API key formats of {@code vendor-keys.txt}, indexed by their first character. */
final class VendorKeys {
    static final class Format {
        final String issuer;
        final char[] prefix;
        final int alphabet;
        final int min;
        final int max;

        Format(String issuer, String prefix, int alphabet, int min, int max) {
            this.issuer = issuer;
            this.prefix = prefix.toCharArray();
            this.alphabet = alphabet;
            this.min = min;
            this.max = max;
        }
    }

    static final int ALNUM = 1;
    static final int UPPER = 2;
    static final int WORD = 4;
    static final int TOKEN = 8;
    private static final byte[] CLASSES = new byte[128];
    private static final Format[][] BY_FIRST = new Format[128][];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = ALNUM | UPPER | WORD | TOKEN;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASSES[c] = ALNUM | UPPER | WORD | TOKEN;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = ALNUM | WORD | TOKEN;
        }
        CLASSES['_'] = WORD | TOKEN;
        CLASSES['-'] = TOKEN;
        List<Format> all = new ArrayList<>();
        for (String line : ResourceLines.lines("vendor-keys.txt")) {
            String[] f = line.split("\\s+");
            int alphabet;
            switch (f[2]) {
                case "alnum": alphabet = ALNUM; break;
                case "upper": alphabet = UPPER; break;
                case "word": alphabet = WORD; break;
                case "token": alphabet = TOKEN; break;
                default: throw new IllegalStateException("vendor-keys.txt: unknown alphabet " + f[2]);
            }
            all.add(new Format(f[0], f[1], alphabet, Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        all.sort(Comparator.comparingInt((Format x) -> -x.prefix.length));
        for (Format fm : all) {
            char c = fm.prefix[0];
            Format[] old = BY_FIRST[c];
            Format[] grown = old == null ? new Format[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = fm;
            BY_FIRST[c] = grown;
        }
    }

    private VendorKeys() {
    }

    /** The literal prefixes of every format. */
    static List<char[]> prefixes() {
        List<char[]> out = new ArrayList<>();
        for (Format[] fs : BY_FIRST) {
            if (fs != null) {
                for (Format f : fs) {
                    out.add(f.prefix);
                }
            }
        }
        return out;
    }

    static boolean mayStart(char c) {
        return c < 128 && BY_FIRST[c] != null;
    }

    static boolean in(char c, int alphabet) {
        return c < 128 && (CLASSES[c] & alphabet) != 0;
    }

    private static boolean hasDigit(char[] a, int s, int e) {
        for (int k = s; k < e; k++) {
            if (a[k] >= '0' && a[k] <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The format matching at {@code i}, with its end in {@code end[0]}; null if none. */
    static Format match(char[] a, int n, int i, int[] end) {
        Format[] candidates = BY_FIRST[a[i]];
        if (candidates == null) {
            return null;
        }
        for (Format f : candidates) {
            int p = f.prefix.length;
            if (i + p + f.min > n) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k < p; k++) {
                if (a[i + k] != f.prefix[k]) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                continue;
            }
            int j = i + p;
            int limit = Math.min(n, j + f.max);
            while (j < limit && in(a[j], f.alphabet)) {
                j++;
            }
            int body = j - i - p;
            if (body < f.min) {
                continue;
            }
            // hyphenated prose ("sk-proj-the-new-plan") is not a key: random bodies carry digits
            if ((f.alphabet == TOKEN || f.alphabet == WORD) && !hasDigit(a, i + p, j)) {
                continue;
            }
            // an exact-length format followed by more key characters is something else
            if (f.min == f.max && j < n && in(a[j], ALNUM)) {
                continue;
            }
            end[0] = j;
            return f;
        }
        return null;
    }
}
