package dev.egressguard.engine.inspect;

import java.util.ArrayList;
import java.util.List;

/** The parts of a multipart body: where each part's content starts and ends in the body text. */
final class Multipart {
    private Multipart() {
    }

    /** {start, end, base64} of each part's content (after its headers); base64 is 1 for Content-Transfer-Encoding: base64. */
    static List<int[]> parts(char[] a, int n, String boundary) {
        List<int[]> out = new ArrayList<>();
        char[] delim = ("--" + boundary).toCharArray();
        int p = find(a, n, delim, 0);
        while (p >= 0) {
            int afterDelim = p + delim.length;
            if (afterDelim + 1 < n && a[afterDelim] == '-' && a[afterDelim + 1] == '-') {
                break; // closing delimiter
            }
            int headersEnd = find(a, n, "\r\n\r\n".toCharArray(), afterDelim);
            int bodyStart;
            if (headersEnd >= 0) {
                bodyStart = headersEnd + 4;
            } else {
                headersEnd = find(a, n, "\n\n".toCharArray(), afterDelim);
                if (headersEnd < 0) {
                    break;
                }
                bodyStart = headersEnd + 2;
            }
            int next = find(a, n, delim, bodyStart);
            int bodyEnd = next < 0 ? n : next;
            // the line break before the next delimiter belongs to the delimiter
            if (next >= 0 && bodyEnd > bodyStart && a[bodyEnd - 1] == '\n') {
                bodyEnd--;
                if (bodyEnd > bodyStart && a[bodyEnd - 1] == '\r') {
                    bodyEnd--;
                }
            }
            if (bodyEnd > bodyStart) {
                String headers = new String(a, afterDelim, Math.max(0, headersEnd - afterDelim)).toLowerCase(java.util.Locale.ROOT);
                boolean base64 = headers.matches("(?s).*content-transfer-encoding:\\s*base64.*");
                out.add(new int[] {bodyStart, bodyEnd, base64 ? 1 : 0});
            }
            p = next;
        }
        return out;
    }

    private static int find(char[] a, int n, char[] s, int from) {
        outer:
        for (int i = Math.max(0, from); i + s.length <= n; i++) {
            if (a[i] != s[0]) {
                continue;
            }
            for (int k = 1; k < s.length; k++) {
                if (a[i + k] != s[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
