package dev.egressguard.engine.inspect;

/** Removes JSON string escapes ({@code \n}, {@code \"}, {@code \u0031} ...) so escaped values are seen as sent. */
final class JsonUnescaper {
    private JsonUnescaper() {
    }

    static TextView decode(TextView v) {
        char[] a = v.chars;
        int n = v.length;
        int first = -1;
        for (int i = 0; i < n - 1; i++) {
            if (a[i] == '\\' && escapeLength(a, n, i) > 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return v;
        }
        char[] out = new char[n];
        System.arraycopy(a, 0, out, 0, first);
        OffsetMap map = new OffsetMap();
        int k = first;
        int i = first;
        boolean unicode = false;
        String str = v.string;
        while (i < n) {
            int b;
            if (str != null) {
                b = str.indexOf('\\', i);
                b = b < 0 ? n : b;
            } else {
                b = i;
                while (b < n && a[b] != '\\') {
                    b++;
                }
            }
            if (b > i) {
                // a run without escapes keeps one distance to the source: one map entry
                map.map(k, i);
                System.arraycopy(a, i, out, k, b - i);
                k += b - i;
                i = b;
                if (i >= n) {
                    break;
                }
            }
            int len = escapeLength(a, n, i);
            map.map(k, i);
            if (len == 0) {
                out[k++] = a[i++];
            } else {
                unicode |= len == 6;
                out[k++] = unescaped(a, i);
                i += len;
            }
        }
        map.map(k, n);
        TextView u = v.decoded(out, k, map, "json-escape", false);
        if (!unicode) {
            // "\n", "\"" and friends only: the decoded text is as ASCII as its source
            u.ascii = v.ascii;
        }
        return u;
    }

    private static int escapeLength(char[] a, int n, int i) {
        if (i + 1 >= n) {
            return 0;
        }
        switch (a[i + 1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                return 2;
            case 'u':
                if (i + 5 < n && hex(a[i + 2]) >= 0 && hex(a[i + 3]) >= 0 && hex(a[i + 4]) >= 0 && hex(a[i + 5]) >= 0) {
                    return 6;
                }
                return 0;
            default:
                return 0;
        }
    }

    private static char unescaped(char[] a, int i) {
        switch (a[i + 1]) {
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return (char) (hex(a[i + 2]) << 12 | hex(a[i + 3]) << 8 | hex(a[i + 4]) << 4 | hex(a[i + 5]));
            default: return a[i + 1];
        }
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
