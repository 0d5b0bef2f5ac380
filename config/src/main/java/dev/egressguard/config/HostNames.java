package dev.egressguard.config;

import java.util.Locale;

/**
 * Finds the host inside what callers hand us (a bare host, {@code host:port}, {@code [v6]:port},
 * a whole URL) without allocating, so per-request host tests stay cheap. Never resolves names.
 */
final class HostNames {
    private HostNames() {
    }

    /**
     * The host's bounds in {@code s} as {@code start << 32 | end}: scheme, user-info, port, path,
     * IPv6 brackets and one trailing dot are left outside.
     */
    static long bounds(String s) {
        int start = 0;
        int end = s.length();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            start = scheme + 3;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int at = s.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1;
        }
        if (start < end && s.charAt(start) == '[') {
            int close = s.indexOf(']', start);
            if (close > start && close < end) {
                start++;
                end = close;
            }
        } else {
            int colon = s.indexOf(':', start);
            // one colon is a port; several mean a bare IPv6 literal, which is left whole
            if (colon >= 0 && colon < end) {
                int second = s.indexOf(':', colon + 1);
                if (second < 0 || second >= end) {
                    end = colon;
                }
            }
        }
        if (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return ((long) start << 32) | end;
    }

    static int start(long bounds) {
        return (int) (bounds >>> 32);
    }

    static int end(long bounds) {
        return (int) bounds;
    }

    /** The bare host, lower-case; the empty string when there is none. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        long b = bounds(s);
        String host = s.substring(start(b), end(b));
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7f) {
                return host.toLowerCase(Locale.ROOT);
            }
        }
        return host;
    }

    /** Whether {@code host[start, end)} is {@code suffix} with at least one label before it. */
    static boolean hasSubdomainOf(String host, int start, int end, String suffix) {
        int dot = end - suffix.length() - 1;
        return dot > start
                && host.charAt(dot) == '.'
                && host.regionMatches(true, dot + 1, suffix, 0, suffix.length());
    }

    static boolean regionEquals(String host, int start, int end, String literal) {
        return end - start == literal.length() && host.regionMatches(true, start, literal, 0, literal.length());
    }
}
