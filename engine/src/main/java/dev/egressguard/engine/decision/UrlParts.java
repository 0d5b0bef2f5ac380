package dev.egressguard.engine.decision;

import dev.egressguard.config.ResourcePattern;
import java.util.Locale;

/**
 * A URL taken apart without resolving anything, and its rule form
 * {@code scheme://host[:port]/path[?query]} (SPEC §5.2): lower-case scheme and host, the port
 * only when it is not the scheme's default, the path at least {@code /}, no user-info or fragment.
 */
final class UrlParts {
    final String scheme;
    final String host;
    final int port;
    final String path;
    final String query;
    final String userInfo;

    private UrlParts(String scheme, String host, int port, String path, String query, String userInfo) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
        this.userInfo = userInfo;
    }

    /** Parses leniently; a URL without a scheme is taken as http, as curl and wget do. */
    static UrlParts parse(String url) {
        String s = url == null ? "" : url.trim();
        String scheme = "http";
        int schemeEnd = s.indexOf("://");
        if (schemeEnd > 0 && isScheme(s, schemeEnd)) {
            scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            s = s.substring(schemeEnd + 3);
        }
        int fragment = s.indexOf('#');
        if (fragment >= 0) {
            s = s.substring(0, fragment);
        }
        int authorityEnd = indexOfAny(s, "/?");
        String authority = authorityEnd < 0 ? s : s.substring(0, authorityEnd);
        String rest = authorityEnd < 0 ? "" : s.substring(authorityEnd);

        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = -1;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close > 0 ? authority.substring(0, close + 1) : authority;
            if (close > 0 && close + 1 < authority.length() && authority.charAt(close + 1) == ':') {
                port = parsePort(authority.substring(close + 2));
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = parsePort(authority.substring(colon + 1));
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        String path = rest;
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            path = rest.substring(0, q);
            query = rest.substring(q + 1);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        return new UrlParts(scheme, host, port, path, query, userInfo);
    }

    /** The rule form of SPEC §5.2. */
    String ruleForm() {
        return ResourcePattern.urlSubject(scheme, host, port, query == null ? path : path + "?" + query);
    }

    /** The host without IPv6 brackets, as the registry and internal-host checks take it. */
    String bareHost() {
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    static int defaultPort(String scheme) {
        switch (scheme) {
            case "http":
            case "ws":
                return 80;
            case "https":
            case "wss":
                return 443;
            case "ftp":
                return 21;
            case "ssh":
            case "sftp":
                return 22;
            default:
                return -2;
        }
    }

    private static boolean isScheme(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
            if (!ok || c > 127) {
                return false;
            }
        }
        return Character.isLetter(s.charAt(0));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int parsePort(String p) {
        if (p.isEmpty() || p.length() > 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
