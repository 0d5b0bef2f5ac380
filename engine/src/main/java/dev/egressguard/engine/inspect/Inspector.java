package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Content inspection (SPEC §5.4): decoding, normalising and every detector in one pass.
 * Thread-safe and immutable once built. CONTRACT (owned by the inspection helper).
 *
 * <p>Each text goes through the same chain: form decoding (form bodies), JSON escapes, percent
 * escapes, Unicode folding — each step only when the text needs it — then one {@link Scan};
 * base64 runs that decode to text go through the chain again, two levels deep.
 */
public final class Inspector {
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "api-key", "x-goog-api-key", "anthropic-api-key");
    private static final Set<String> CREDENTIAL_PARAMS = Set.of("key", "api_key", "apikey", "access_token", "token",
            "sig", "signature");
    /** Credential parameters whose value is a key or token (a signature is not a credential to steal). */
    private static final Set<String> KEY_PARAMS = Set.of("key", "api_key", "apikey", "access_token", "token");
    private static final int MAX_BASE64_DEPTH = 2;
    private static final int MIN_PRINTABLE_RUN = 8;

    private final Detectors detectors;
    private final long maxBodyBytes;

    private Inspector(Detectors detectors, long maxBodyBytes) {
        this.detectors = detectors;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Detectors for the policy's sensitivePatterns, customKeywords and customRegex. */
    public static Inspector forPolicy(Policy policy, long maxBodyBytes) {
        return withTypes(policy.sensitivePatterns(), policy.customKeywords(), policy.customRegex(), maxBodyBytes);
    }

    /**
     * Detectors for {@code types}; custom keywords and regexes run whenever some are given.
     * @throws IllegalArgumentException for a custom regex that does not compile (the message names it)
     */
    public static Inspector withTypes(Set<PatternType> types, List<String> customKeywords, List<String> customRegex,
                                      long maxBodyBytes) {
        Set<PatternType> enabled = types.isEmpty() ? EnumSet.noneOf(PatternType.class) : EnumSet.copyOf(types);
        if (!customKeywords.isEmpty()) {
            enabled.add(PatternType.CUSTOM_KEYWORD);
        }
        if (!customRegex.isEmpty()) {
            enabled.add(PatternType.CUSTOM_REGEX);
        }
        return new Inspector(new Detectors(enabled, customKeywords, customRegex), maxBodyBytes);
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A request body as sent; content type and encoding from its headers, either may be null. */
    public Inspection inspectBody(byte[] body, String contentType, String contentEncoding) {
        if (body == null || body.length == 0) {
            return new Inspection(List.of(), "", false);
        }
        BodyText bt = BodyText.decode(body, contentType, contentEncoding, maxBodyBytes);
        String compression = bt.compression == null ? null : bt.compression.startsWith("deflate") ? "deflate" : "gzip";
        TextView root = TextView.root(bt.string, bt.chars, bt.length, compression, bt.ascii);
        Findings findings = new Findings("body", false);
        Texts texts = new Texts();
        if (bt.isMultipart()) {
            for (int[] part : Multipart.parts(bt.chars, bt.length, bt.boundary)) {
                TextView pv = root.region(part[0], part[1], "multipart");
                char[] decoded = part[2] == 1 ? Base64Text.decodeLines(pv.chars, pv.length) : null;
                if (decoded != null) {
                    // a base64 part (MIME lines): one encoded token, decoded whole
                    scan(pv.token(decoded, decoded.length, 0, pv.length, "base64"), false, findings, texts);
                } else if (looksBinary(pv)) {
                    printableRuns(pv, findings, texts);
                } else {
                    scan(pv, false, findings, texts);
                }
            }
        } else if (bt.binary) {
            printableRuns(root, findings, texts);
        } else {
            scan(root, bt.isForm(), findings, texts);
        }
        return new Inspection(findings.result(), texts, bt.truncated);
    }

    /** A URL: path and query percent-decoded; user-info and credential query parameters are slots. */
    public Inspection inspectUrl(String url) {
        if (url == null || url.isEmpty()) {
            return new Inspection(List.of(), "", false);
        }
        char[] a = url.toCharArray();
        int n = a.length;
        TextView root = TextView.root(url, a, n, null, -1);
        Findings findings = new Findings("url", false);
        Texts texts = new Texts();
        int pathStart = 0;
        int scheme = url.indexOf("://");
        if (scheme > 0 && firstOf(url, "/?#", 0) > scheme) {
            int authStart = scheme + 3;
            int authEnd = firstOf(url, "/?#", authStart);
            if (authEnd < 0) {
                authEnd = n;
            }
            int at = url.lastIndexOf('@', authEnd - 1);
            if (at >= authStart) {
                findings.addSlot(authStart, at);
                int colon = url.indexOf(':', authStart);
                int userEnd = colon >= 0 && colon < at ? colon : at;
                if (detectors.password && colon >= 0 && colon < at && colon + 1 < at) {
                    String secret = percentDecode(url.substring(colon + 1, at));
                    findings.add(root, PatternType.PASSWORD, colon + 1, at, 0.9, null, secret, "url-userinfo");
                }
                if (userEnd > authStart) {
                    scan(root.region(authStart, userEnd, null), false, findings, texts);
                }
            }
            pathStart = authEnd;
        }
        if (pathStart < n) {
            List<int[]> keyParams = new ArrayList<>();
            int q = url.indexOf('?', pathStart);
            int frag = url.indexOf('#', pathStart);
            if (q >= 0 && (frag < 0 || q < frag)) {
                int end = frag < 0 ? n : frag;
                int p = q + 1;
                while (p < end) {
                    int amp = url.indexOf('&', p);
                    int pe = amp < 0 || amp > end ? end : amp;
                    int eq = url.indexOf('=', p);
                    if (eq >= 0 && eq < pe) {
                        String name = percentDecode(url.substring(p, eq)).toLowerCase(Locale.ROOT);
                        if (CREDENTIAL_PARAMS.contains(name) && eq + 1 < pe) {
                            findings.addSlot(eq + 1, pe);
                            if (KEY_PARAMS.contains(name)) {
                                keyParams.add(new int[] {eq + 1, pe});
                            }
                        }
                    }
                    p = pe + 1;
                }
            }
            scan(root.region(pathStart, n, null), false, findings, texts);
            for (int[] kp : keyParams) {
                credential(root, findings, kp[0], kp[1], percentDecode(url.substring(kp[0], kp[1])), "credential-parameter");
            }
        }
        return new Inspection(findings.result(), texts, false);
    }

    /** Whether a header of this name (any case) carries a credential (SPEC §5.4). */
    public static boolean isCredentialHeader(String name) {
        for (String h : CREDENTIAL_HEADERS) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** A header value; credential headers are slots, Basic credentials decoded first. */
    public Inspection inspectHeader(String name, String value) {
        if (value == null || value.isEmpty()) {
            return new Inspection(List.of(), "", false);
        }
        String lname = name.toLowerCase(Locale.ROOT);
        if (lname.equals("host") || lname.equals(":authority")) {
            // the destination, as in a URL's host: where the data goes, not data
            return new Inspection(List.of(), value, false);
        }
        boolean slot = CREDENTIAL_HEADERS.contains(lname);
        char[] a = value.toCharArray();
        int n = a.length;
        TextView root = TextView.root(value, a, n, null, -1);
        Findings findings = new Findings("header:" + name, slot);
        Texts texts = new Texts();
        if (lname.equals("authorization") || lname.equals("proxy-authorization")) {
            int s = 0;
            while (s < n && a[s] == ' ') {
                s++;
            }
            int sp = value.indexOf(' ', s);
            int ts = sp < 0 ? s : sp;
            while (ts < n && a[ts] == ' ') {
                ts++;
            }
            int te = n;
            while (te > ts && a[te - 1] == ' ') {
                te--;
            }
            String scheme = sp < 0 ? "" : value.substring(s, sp);
            if (scheme.equalsIgnoreCase("basic") && te > ts) {
                String decoded = basic(value.substring(ts, te));
                if (decoded != null) {
                    int colon = decoded.indexOf(':');
                    if (detectors.password && colon >= 0 && colon + 1 < decoded.length()) {
                        findings.addResolved(PatternType.PASSWORD, ts, te, 0.9, "base64", null,
                                ValueIds.of(decoded.substring(colon + 1)), "basic-auth");
                    }
                    char[] dc = decoded.toCharArray();
                    scan(root.token(dc, dc.length, ts, te, "base64"), false, findings, texts);
                    return new Inspection(findings.result(), texts, false);
                }
            }
            scan(root, false, findings, texts);
            credential(root, findings, ts, te, value.substring(ts, te), "bearer");
        } else if (lname.equals("cookie")) {
            scan(root, false, findings, texts);
            int p = 0;
            while (p < n) {
                int semi = value.indexOf(';', p);
                int pe = semi < 0 ? n : semi;
                int eq = value.indexOf('=', p);
                if (eq >= 0 && eq + 1 < pe && pe - eq - 1 >= 16 && ValueIds.entropy(a, eq + 1, pe) >= 3.5) {
                    credential(root, findings, eq + 1, pe, value.substring(eq + 1, pe), "cookie");
                }
                p = pe + 1;
            }
        } else {
            scan(root, false, findings, texts);
            if (slot) {
                int s = 0;
                int e = n;
                while (s < e && a[s] == ' ') {
                    s++;
                }
                while (e > s && a[e - 1] == ' ') {
                    e--;
                }
                credential(root, findings, s, e, value.substring(s, e), "credential-header");
            }
        }
        return new Inspection(findings.result(), texts, false);
    }

    /** Any other text: a command argument ({@code arg:<n>}), a file payload ({@code file:<path>}). */
    public Inspection inspectText(String text, String location, boolean credentialSlot) {
        if (text == null || text.isEmpty()) {
            return new Inspection(List.of(), "", false);
        }
        char[] a = text.toCharArray();
        int n = (int) Math.min(a.length, Math.max(0, Math.min(Integer.MAX_VALUE, maxBodyBytes)));
        Findings findings = new Findings(location, credentialSlot);
        Texts texts = new Texts();
        scan(TextView.root(text, a, n, null, -1), false, findings, texts);
        return new Inspection(findings.result(), texts, n < a.length);
    }

    // ---- the decoding chain ----

    private void scan(TextView view, boolean form, Findings findings, Texts texts) {
        TextView t = view;
        if (form) {
            t = PercentDecoder.decode(t, true);
        }
        int flags = flags(t);
        if ((flags & BACKSLASH) != 0) {
            TextView u = JsonUnescaper.decode(t);
            if (u != t) {
                // only a unicode escape can add a percent sign or non-ASCII (then ascii is unknown)
                flags = (flags & PERCENT) != 0 || u.ascii != 1 ? flags(u) : 0;
                t = u;
            }
        }
        if (!form && (flags & PERCENT) != 0) {
            TextView u = PercentDecoder.decode(t, false);
            if (u != t) {
                t = u;
                flags = flags(t);
            }
        }
        if ((flags & NON_ASCII) != 0) {
            t = UnicodeFolder.fold(t);
        }
        Scan scan = new Scan(detectors, t, findings);
        scan.run();
        texts.add(t);
        if (t.depth < MAX_BASE64_DEPTH) {
            for (int r = 0; r < scan.base64Count; r++) {
                int s = scan.base64Runs[2 * r];
                int e = scan.base64Runs[2 * r + 1];
                char[] decoded = Base64Text.decodeText(t.chars, s, e);
                if (decoded != null) {
                    scan(t.token(decoded, decoded.length, s, e, "base64"), false, findings, texts);
                }
            }
        }
    }

    private static final int BACKSLASH = 1;
    private static final int PERCENT = 2;
    private static final int NON_ASCII = 4;

    /** What the text needs: with a String at hand, the JDK's vectorised searches answer it. */
    private static int flags(TextView t) {
        String s = t.string;
        if (s == null) {
            return flags(t.chars, t.length);
        }
        int f = s.indexOf('\\') >= 0 ? BACKSLASH : 0;
        for (int p = s.indexOf('%'); p >= 0; p = s.indexOf('%', p + 1)) {
            if (p + 2 < s.length() && JsonUnescaper.hex(s.charAt(p + 1)) >= 0 && JsonUnescaper.hex(s.charAt(p + 2)) >= 0) {
                f |= PERCENT;
                break;
            }
        }
        if (t.ascii != 1 && !UnicodeFolder.isAscii(t.chars, t.length)) {
            f |= NON_ASCII;
        }
        return f;
    }

    private static int flags(char[] a, int n) {
        int or = 0;
        boolean backslash = false;
        boolean percent = false;
        for (int i = 0; i < n; i++) {
            char c = a[i];
            or |= c;
            backslash |= c == '\\';
            percent |= c == '%';
        }
        return (backslash ? BACKSLASH : 0) | (percent ? PERCENT : 0) | (or >= 0x80 ? NON_ASCII : 0);
    }

    private void printableRuns(TextView view, Findings findings, Texts texts) {
        char[] a = view.chars;
        int n = view.length;
        int s = 0;
        for (int i = 0; i <= n; i++) {
            boolean printable = i < n && ((a[i] >= 0x20 && a[i] < 0x7F) || a[i] == '\t');
            if (!printable) {
                if (i - s >= MIN_PRINTABLE_RUN) {
                    scan(view.region(s, i, null), false, findings, texts);
                }
                s = i + 1;
            }
        }
    }

    private static boolean looksBinary(TextView v) {
        int bad = 0;
        for (int i = 0; i < v.length; i++) {
            char c = v.chars[i];
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F || c == 0xFFFD) {
                bad++;
            }
        }
        return bad * 50 > v.length;
    }

    /** A value in a credential slot that no detector named: a generic key or token. */
    private void credential(TextView root, Findings findings, int s, int e, String value, String label) {
        if (detectors.apiKey && e - s >= 8 && !findings.covered(PatternType.API_KEY, s, e)) {
            findings.add(root, PatternType.API_KEY, s, e, 0.8, null, value, label);
        }
    }

    private static String basic(String token) {
        try {
            byte[] b = Base64.getMimeDecoder().decode(token);
            String s = new String(b, StandardCharsets.UTF_8);
            return s.indexOf('\uFFFD') >= 0 ? null : s;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int firstOf(String s, String chars, int from) {
        int best = -1;
        for (int i = 0; i < chars.length(); i++) {
            int p = s.indexOf(chars.charAt(i), from);
            if (p >= 0 && (best < 0 || p < best)) {
                best = p;
            }
        }
        return best;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        TextView v = PercentDecoder.decode(TextView.root(s.toCharArray(), s.length(), null), false);
        return v.text();
    }

    /** The texts one inspection scanned, joined into {@link Inspection#inspectedText()} only on demand. */
    static final class Texts implements java.util.function.Supplier<String> {
        private final List<TextView> views = new ArrayList<>(2);

        void add(TextView v) {
            views.add(v);
        }

        @Override
        public String get() {
            if (views.size() == 1) {
                return views.get(0).text();
            }
            StringBuilder sb = new StringBuilder();
            for (TextView v : views) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(v.chars, 0, v.length);
            }
            return sb.toString();
        }
    }
}
