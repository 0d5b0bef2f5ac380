package dev.egressguard.engine.inspect;

import java.util.ArrayList;
import java.util.List;

/** Just enough JSON for redaction: is a text valid JSON, and where are its string literals. */
final class JsonText {
    private final char[] a;
    private final int n;
    private int p;

    private JsonText(char[] a, int n) {
        this.a = a;
        this.n = n;
    }

    static boolean looksLikeJson(char[] a, int n) {
        int i = 0;
        while (i < n && a[i] <= ' ') {
            i++;
        }
        return i < n && (a[i] == '{' || a[i] == '[');
    }

    static boolean isValid(char[] a, int n) {
        JsonText j = new JsonText(a, n);
        try {
            j.ws();
            if (!j.value(0)) {
                return false;
            }
            j.ws();
            return j.p == n;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    static boolean isValid(String s) {
        return isValid(s.toCharArray(), s.length());
    }

    /** {openQuote, closeQuote} of every string literal, in order (the text is assumed valid JSON). */
    static List<int[]> strings(char[] a, int n) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (a[i] == '"') {
                int s = i++;
                while (i < n && a[i] != '"') {
                    i += a[i] == '\\' ? 2 : 1;
                }
                out.add(new int[] {s, Math.min(i, n - 1)});
            }
            i++;
        }
        return out;
    }

    private void ws() {
        while (p < n && (a[p] == ' ' || a[p] == '\n' || a[p] == '\r' || a[p] == '\t')) {
            p++;
        }
    }

    private boolean value(int depth) {
        if (depth > 512 || p >= n) {
            return false;
        }
        char c = a[p];
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    private boolean object(int depth) {
        p++;
        ws();
        if (p < n && a[p] == '}') {
            p++;
            return true;
        }
        while (true) {
            ws();
            if (p >= n || a[p] != '"' || !string()) {
                return false;
            }
            ws();
            if (p >= n || a[p] != ':') {
                return false;
            }
            p++;
            ws();
            if (!value(depth + 1)) {
                return false;
            }
            ws();
            if (p < n && a[p] == ',') {
                p++;
                continue;
            }
            if (p < n && a[p] == '}') {
                p++;
                return true;
            }
            return false;
        }
    }

    private boolean array(int depth) {
        p++;
        ws();
        if (p < n && a[p] == ']') {
            p++;
            return true;
        }
        while (true) {
            ws();
            if (!value(depth + 1)) {
                return false;
            }
            ws();
            if (p < n && a[p] == ',') {
                p++;
                continue;
            }
            if (p < n && a[p] == ']') {
                p++;
                return true;
            }
            return false;
        }
    }

    private boolean string() {
        p++;
        while (p < n) {
            char c = a[p];
            if (c == '"') {
                p++;
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (p + 1 >= n) {
                    return false;
                }
                char e = a[p + 1];
                if (e == 'u') {
                    for (int k = 2; k < 6; k++) {
                        if (p + k >= n || JsonUnescaper.hex(a[p + k]) < 0) {
                            return false;
                        }
                    }
                    p += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
                p += 2;
                continue;
            }
            p++;
        }
        return false;
    }

    private boolean literal(String s) {
        if (p + s.length() > n) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (a[p + k] != s.charAt(k)) {
                return false;
            }
        }
        p += s.length();
        return true;
    }

    private boolean number() {
        int s = p;
        if (p < n && a[p] == '-') {
            p++;
        }
        int digits = p;
        while (p < n && a[p] >= '0' && a[p] <= '9') {
            p++;
        }
        if (p == digits) {
            return false;
        }
        if (p < n && a[p] == '.') {
            p++;
            int f = p;
            while (p < n && a[p] >= '0' && a[p] <= '9') {
                p++;
            }
            if (p == f) {
                return false;
            }
        }
        if (p < n && (a[p] == 'e' || a[p] == 'E')) {
            p++;
            if (p < n && (a[p] == '+' || a[p] == '-')) {
                p++;
            }
            int f = p;
            while (p < n && a[p] >= '0' && a[p] <= '9') {
                p++;
            }
            if (p == f) {
                return false;
            }
        }
        return p > s;
    }
}
