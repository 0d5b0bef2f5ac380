package dev.egressguard.engine.shell;

import java.util.Locale;

/** Normalises what a tool is given as a URL to {@code scheme://host[:port]/path[?query]} (SPEC §5.2). */
final class Urls {
    private Urls() {}

    /**
     * @param defaultScheme the scheme the tool assumes for a scheme-less URL ({@code http} for curl)
     * @return the normalised URL, or null when there is no host to go to
     */
    static String normalize(String raw, String defaultScheme) {
        if (raw == null) return null;
        String t = raw.trim();
        if (t.isEmpty()) return null;
        String scheme;
        String rest;
        int sep = t.indexOf("://");
        if (sep > 0 && isScheme(t.substring(0, sep))) {
            scheme = t.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = t.substring(sep + 3);
        } else {
            scheme = defaultScheme;
            rest = t;
        }
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String tail = end < 0 ? "" : rest.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        int hash = tail.indexOf('#');
        if (hash >= 0) tail = tail.substring(0, hash);
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) return null;
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) port = after.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            } else {
                host = authority;
            }
        }
        if (host.isEmpty()) return null;
        host = host.indexOf('$') >= 0 ? host : host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1) host = host.substring(0, host.length() - 1);
        if (port != null && (port.isEmpty() || port.equals(defaultPort(scheme)))) port = null;
        if (port != null && port.chars().allMatch(Character::isDigit)) port = stripZeros(port);
        if (port != null && port.equals(defaultPort(scheme))) port = null;
        String path = tail;
        if (path.isEmpty()) path = "/";
        else if (path.startsWith("?")) path = "/" + path;
        return scheme + "://" + host + (port == null ? "" : ":" + port) + path;
    }

    /** The user-info of a URL ({@code user:secret}), or null. */
    static String userInfo(String raw) {
        if (raw == null) return null;
        int sep = raw.indexOf("://");
        String rest = sep > 0 && isScheme(raw.substring(0, sep)) ? raw.substring(sep + 3) : raw;
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        return at > 0 ? authority.substring(0, at) : null;
    }

    /** A host (name, IPv4, or IPv6 with or without brackets) and optional port as {@code scheme://host[:port]/}. */
    static String hostUrl(String scheme, String host, String port) {
        if (host == null || host.isEmpty()) return null;
        String h = host;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) h = "[" + h + "]";
        return normalize(scheme + "://" + h + (port == null || port.isEmpty() ? "" : ":" + port) + "/", scheme);
    }

    static boolean hasScheme(String t) {
        int sep = t.indexOf("://");
        return sep > 0 && isScheme(t.substring(0, sep));
    }

    static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) return false;
        }
        return true;
    }

    static String defaultPort(String scheme) {
        switch (scheme) {
            case "http": case "ws": return "80";
            case "https": case "wss": return "443";
            case "ftp": return "21";
            case "ftps": return "990";
            case "ssh": case "sftp": case "scp": return "22";
            case "telnet": return "23";
            case "tftp": return "69";
            case "rsync": return "873";
            default: return null;
        }
    }

    private static String stripZeros(String port) {
        int i = 0;
        while (i < port.length() - 1 && port.charAt(i) == '0') i++;
        return port.substring(i);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
