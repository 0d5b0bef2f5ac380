package dev.egressguard.config;

import java.util.Locale;

/**
 * A host pattern of the endpoint registry, the issuer table and {@code internalDomains}
 * (SPEC §5.3): dot-separated labels where a leading {@code *.} is one or more labels (never the
 * bare domain), a {@code *} label elsewhere exactly one label, and a {@code *} inside a label any
 * characters within that label. Case-insensitive; matching never allocates.
 */
public final class DomainPattern {
    private final String source;
    /** Lower-case labels after a leading {@code *.}, left to right. */
    private final String[] labels;
    private final boolean anySubdomain;
    private final boolean exact;
    private final int literalLength;
    private final String literalSuffix;

    private DomainPattern(String source, String[] labels, boolean anySubdomain) {
        this.source = source;
        this.labels = labels;
        this.anySubdomain = anySubdomain;
        boolean wild = anySubdomain;
        int literal = anySubdomain ? 1 : 0; // the dot after a leading "*" is literal
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels[i].length(); j++) {
                if (labels[i].charAt(j) == '*') {
                    wild = true;
                } else {
                    literal++;
                }
            }
            if (i > 0) {
                literal++;
            }
        }
        this.exact = !wild;
        this.literalLength = literal;
        int firstLiteral = labels.length;
        while (firstLiteral > 0 && labels[firstLiteral - 1].indexOf('*') < 0) {
            firstLiteral--;
        }
        this.literalSuffix = String.join(".", java.util.Arrays.copyOfRange(labels, firstLiteral, labels.length));
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and how to write it instead
     */
    public static DomainPattern compile(String pattern) {
        if (pattern == null || pattern.trim().isEmpty()) {
            throw new IllegalArgumentException("empty domain pattern; write a host name such as 'api.example.com' or '*.example.com'");
        }
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        if (p.contains("://") || p.indexOf('/') >= 0 || p.indexOf(':') >= 0) {
            throw new IllegalArgumentException("domain pattern '" + pattern
                    + "' must be a bare host name, without scheme, port or path (e.g. 'api.example.com')");
        }
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anySubdomain = false;
        if (p.startsWith("*.")) {
            anySubdomain = true;
            p = p.substring(2);
        }
        String[] labels = p.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new IllegalArgumentException("domain pattern '" + pattern + "' has an empty label (two dots in a row, or a leading dot)");
            }
            if (label.contains("**")) {
                throw new IllegalArgumentException("domain pattern '" + pattern
                        + "' uses '**'; a leading '*.' already matches subdomains at any depth");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '*';
                if (!ok) {
                    throw new IllegalArgumentException("domain pattern '" + pattern + "' contains '" + c
                            + "'; a label holds letters, digits, '-', '_' and '*' only");
                }
            }
        }
        return new DomainPattern(pattern, labels, anySubdomain);
    }

    public String source() {
        return source;
    }

    /** No wildcard at all: the pattern names one host. */
    public boolean isExact() {
        return exact;
    }

    /** Characters that are not {@code *}; the longer, the more specific (SPEC §5.3). */
    public int literalLength() {
        return literalLength;
    }

    /** The trailing labels without wildcards ({@code amazonaws.com} for {@code bedrock.*.amazonaws.com}); may be empty. */
    String literalSuffix() {
        return literalSuffix;
    }

    /** {@code host} may carry a scheme, port, brackets or a trailing dot; they are ignored. */
    public boolean matches(String host) {
        if (host == null) {
            return false;
        }
        long b = HostNames.bounds(host);
        return matches(host, HostNames.start(b), HostNames.end(b));
    }

    /** Whether the bare host {@code host[start, end)} matches. */
    boolean matches(String host, int start, int end) {
        int hi = end; // exclusive end of the host label being compared
        for (int i = labels.length - 1; i >= 0; i--) {
            if (hi < start) {
                return false; // the host ran out of labels
            }
            int dot = lastDot(host, start, hi);
            int lo = dot < 0 ? start : dot + 1;
            if (!labelMatches(labels[i], host, lo, hi)) {
                return false;
            }
            hi = dot < 0 ? start - 1 : dot;
        }
        if (anySubdomain) {
            return hi > start; // a dot with at least one character before it
        }
        return hi < start;
    }

    private static int lastDot(String host, int start, int hi) {
        for (int i = hi - 1; i >= start; i--) {
            if (host.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    /** A {@code *} label is exactly one non-empty label; a {@code *} inside a label any run of characters. */
    private static boolean labelMatches(String label, String host, int lo, int hi) {
        int star = label.indexOf('*');
        if (star < 0) {
            return hi - lo == label.length() && host.regionMatches(true, lo, label, 0, label.length());
        }
        if (label.length() == 1) {
            return hi > lo;
        }
        int lastStar = label.lastIndexOf('*');
        int prefix = star;
        int suffix = label.length() - lastStar - 1;
        if (hi - lo < prefix + suffix
                || !host.regionMatches(true, lo, label, 0, prefix)
                || !host.regionMatches(true, hi - suffix, label, lastStar + 1, suffix)) {
            return false;
        }
        // segments between the first and last star, each found leftmost in order
        int pos = lo + prefix;
        int limit = hi - suffix;
        int seg = star + 1;
        while (seg <= lastStar) {
            int next = label.indexOf('*', seg);
            int len = next - seg;
            if (len > 0) {
                int found = -1;
                for (int i = pos; i + len <= limit; i++) {
                    if (host.regionMatches(true, i, label, seg, len)) {
                        found = i;
                        break;
                    }
                }
                if (found < 0) {
                    return false;
                }
                pos = found + len;
            }
            seg = next + 1;
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }
}
