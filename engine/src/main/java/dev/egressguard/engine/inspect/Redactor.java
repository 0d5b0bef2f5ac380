package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Redaction (SPEC §5.6 outcomes). CONTRACT (owned by the inspection helper).
 *
 * <p>Every detected span is replaced; the result is inspected again and, if a detected value is
 * still there in any decoding, the redaction widens (the whole JSON string, the whole token)
 * or gives up (null) rather than let it through.
 */
public final class Redactor {
    /** Bodies are decompressed whole for redaction, up to this size. */
    private static final long MAX_REDACT_BYTES = 64L << 20;
    private static final class DefaultVerifier {
        static final Inspector INSTANCE = Inspector.forPolicy(Policy.defaultPolicy(), MAX_REDACT_BYTES);
    }

    private Redactor() {
    }

    /**
     * The body with every detected span replaced by {@code redactWith} ({@code {type}} expanded),
     * JSON kept valid, encoded detections replaced whole, compressed bodies recompressed; with
     * {@code fixedLength}, spans are masked with '*' so the length does not change.
     * @return the new body, or null when the redaction cannot be carried out
     */
    public static byte[] redactBody(byte[] body, String contentType, String contentEncoding,
                                    List<Detection> bodyDetections, String redactWith, boolean fixedLength) {
        return redactBody(body, contentType, contentEncoding, bodyDetections, redactWith, fixedLength,
                DefaultVerifier.INSTANCE);
    }

    /** As above, checking the result with {@code verifier} (the policy's own inspector, for custom types). */
    public static byte[] redactBody(byte[] body, String contentType, String contentEncoding,
                                    List<Detection> bodyDetections, String redactWith, boolean fixedLength,
                                    Inspector verifier) {
        if (body == null) {
            return null;
        }
        if (bodyDetections.isEmpty()) {
            return body;
        }
        try {
            BodyText bt = BodyText.decode(body, contentType, contentEncoding, MAX_REDACT_BYTES);
            if (bt.truncated || bt.undecodable || (fixedLength && bt.compression != null)) {
                return null;
            }
            char[] a = bt.chars;
            int n = bt.length;
            List<Span> spans = spans(bodyDetections, n);
            if (spans == null) {
                return null;
            }
            boolean json = !bt.binary && (bt.isJson() || bt.mediaType == null || bt.mediaType.startsWith("text/"))
                    && JsonText.looksLikeJson(a, n) && JsonText.isValid(a, n);
            Set<String> values = valueIds(bodyDetections);
            for (int coarse = 0; coarse <= 1; coarse++) {
                String out = replace(a, n, spans, redactWith, fixedLength, json, bt.isForm(), bt.charset, coarse == 1);
                if (out == null) {
                    continue;
                }
                if (json && !JsonText.isValid(out)) {
                    continue;
                }
                byte[] plain = out.getBytes(bt.charset);
                if (fixedLength && plain.length != body.length) {
                    continue;
                }
                if (survives(verifier.inspectBody(plain, contentType, null).detections(), values)) {
                    continue;
                }
                return bt.compression == null ? plain : BodyText.compress(plain, bt.compression);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Plain text (an argument, a URL) with the detected spans replaced; null when impossible. */
    public static String redactText(String text, List<Detection> detections, String redactWith) {
        return redactText(text, detections, redactWith, DefaultVerifier.INSTANCE);
    }

    /** As above, checking the result with {@code verifier}. */
    public static String redactText(String text, List<Detection> detections, String redactWith, Inspector verifier) {
        if (text == null) {
            return null;
        }
        if (detections.isEmpty()) {
            return text;
        }
        try {
            boolean url = "url".equals(detections.get(0).location());
            List<Span> spans = spans(detections, text.length());
            if (spans == null) {
                return null;
            }
            Set<String> values = valueIds(detections);
            char[] a = text.toCharArray();
            for (int coarse = 0; coarse <= 1; coarse++) {
                StringBuilder sb = new StringBuilder(text.length() + 16 * spans.size());
                int last = 0;
                for (Span s : widened(a, a.length, spans, coarse == 1)) {
                    sb.append(a, last, s.start - last);
                    String r = replacement(redactWith, s.type);
                    sb.append(url ? percentEncode(r) : r);
                    last = s.end;
                }
                sb.append(a, last, a.length - last);
                String out = sb.toString();
                List<Detection> again = url ? verifier.inspectUrl(out).detections()
                        : verifier.inspectText(out, detections.get(0).location(), false).detections();
                if (!survives(again, values)) {
                    return out;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- spans ----

    private static final class Span {
        int start;
        int end;
        final PatternType type;

        Span(int start, int end, PatternType type) {
            this.start = start;
            this.end = end;
            this.type = type;
        }
    }

    /** Sorted, overlapping spans merged; null when a span lies outside the text (detections of another text). */
    private static List<Span> spans(List<Detection> detections, int n) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingInt(Detection::start).thenComparingInt(d -> -d.end()));
        List<Span> out = new ArrayList<>();
        for (Detection d : sorted) {
            if (d.start() < 0 || d.end() > n || d.end() <= d.start()) {
                return null;
            }
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && d.start() < last.end) {
                last.end = Math.max(last.end, d.end());
            } else {
                out.add(new Span(d.start(), d.end(), d.type()));
            }
        }
        return out;
    }

    private static Set<String> valueIds(List<Detection> detections) {
        Set<String> out = new HashSet<>();
        for (Detection d : detections) {
            out.add(d.type() + ":" + d.valueId());
        }
        return out;
    }

    private static boolean survives(List<Detection> found, Set<String> values) {
        for (Detection d : found) {
            if (values.contains(d.type() + ":" + d.valueId())) {
                return true;
            }
        }
        return false;
    }

    /** Coarse: each span grows to the whole whitespace-delimited token around it. */
    private static List<Span> widened(char[] a, int n, List<Span> spans, boolean coarse) {
        if (!coarse) {
            return spans;
        }
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int st = s.start;
            int en = s.end;
            while (st > 0 && a[st - 1] > ' ' && a[st - 1] != '"' && a[st - 1] != '&' && a[st - 1] != '=') {
                st--;
            }
            while (en < n && a[en] > ' ' && a[en] != '"' && a[en] != '&') {
                en++;
            }
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && st < last.end) {
                last.end = Math.max(last.end, en);
            } else {
                out.add(new Span(st, en, s.type));
            }
        }
        return out;
    }

    // ---- replacing ----

    private static String replace(char[] a, int n, List<Span> spans, String redactWith, boolean fixedLength,
                                  boolean json, boolean form, Charset charset, boolean coarse) {
        List<int[]> strings = json ? JsonText.strings(a, n) : null;
        StringBuilder sb = new StringBuilder(n + 16 * spans.size());
        int last = 0;
        List<Span> work = json ? jsonSpans(a, n, spans, strings, coarse) : widened(a, n, spans, coarse);
        if (work == null) {
            return null;
        }
        for (Span s : work) {
            if (s.start < last) {
                return null;
            }
            sb.append(a, last, s.start - last);
            boolean quote = json && !insideString(strings, s.start, s.end);
            if (fixedLength) {
                int bytes = new String(a, s.start, s.end - s.start).getBytes(charset).length;
                if (quote) {
                    if (bytes < 2) {
                        return null;
                    }
                    sb.append('"').append(stars(bytes - 2)).append('"');
                } else {
                    sb.append(stars(bytes));
                }
            } else {
                String r = replacement(redactWith, s.type);
                if (json) {
                    r = jsonEscape(r);
                    if (quote) {
                        r = '"' + r + '"';
                    }
                } else if (form) {
                    r = java.net.URLEncoder.encode(r, StandardCharsets.UTF_8);
                }
                sb.append(r);
            }
            last = s.end;
        }
        sb.append(a, last, n - last);
        return sb.toString();
    }

    /**
     * Spans in JSON: inside a string they stay (coarse: the whole string content); outside strings
     * (a bare number) they grow to the whole token, which becomes a string.
     */
    private static List<Span> jsonSpans(char[] a, int n, List<Span> spans, List<int[]> strings, boolean coarse) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int[] inS = enclosing(strings, s.start);
            int[] inE = enclosing(strings, s.end - 1);
            int st = s.start;
            int en = s.end;
            if (inS != null && inS == inE) {
                if (coarse) {
                    st = inS[0] + 1;
                    en = inS[1];
                }
            } else if (inS == null && inE == null) {
                while (st > 0 && isBareTokenChar(a[st - 1])) {
                    st--;
                }
                while (en < n && isBareTokenChar(a[en])) {
                    en++;
                }
                if (!noStringBetween(strings, st, en)) {
                    return null;
                }
            } else {
                // across string boundaries: replace the strings it touches, quotes included
                st = inS != null ? inS[0] : st;
                en = inE != null ? inE[1] + 1 : en;
            }
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && st < last.end) {
                last.end = Math.max(last.end, en);
            } else {
                out.add(new Span(st, en, s.type));
            }
        }
        return out;
    }

    private static boolean isBareTokenChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
                || (c >= 'a' && c <= 'z');
    }

    private static boolean noStringBetween(List<int[]> strings, int s, int e) {
        for (int[] r : strings) {
            if (r[0] < e && s <= r[1]) {
                return false;
            }
        }
        return true;
    }

    private static int[] enclosing(List<int[]> strings, int pos) {
        int lo = 0;
        int hi = strings.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = strings.get(mid);
            if (pos <= r[0]) {
                hi = mid - 1;
            } else if (pos >= r[1]) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }

    private static boolean insideString(List<int[]> strings, int s, int e) {
        int[] r = enclosing(strings, s);
        return r != null && e <= r[1];
    }

    static String replacement(String redactWith, PatternType type) {
        String r = redactWith == null ? "[REDACTED]" : redactWith;
        return r.replace("{type}", type.name());
    }

    private static String stars(int count) {
        char[] c = new char[count];
        Arrays.fill(c, '*');
        return new String(c);
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String percentEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
