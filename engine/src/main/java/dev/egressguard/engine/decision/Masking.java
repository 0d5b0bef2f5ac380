package dev.egressguard.engine.decision;

import dev.egressguard.engine.inspect.Detection;
import dev.egressguard.engine.inspect.Redactor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** URLs and command lines as records carry them: detected values and credentials masked (SPEC §8). */
final class Masking {
    static final String MASK = "***";
    private static final Set<String> CREDENTIAL_PARAMS =
            Set.of("key", "api_key", "apikey", "access_token", "token", "sig", "signature");

    private Masking() {
    }

    /** The URL with detections, user-info secrets and credential query parameters masked. */
    static String url(String url, List<Detection> urlDetections) {
        String s = url;
        if (!urlDetections.isEmpty()) {
            String r = Redactor.redactText(url, urlDetections, MASK);
            s = r != null ? r : withoutQuery(url);
        }
        return credentials(s);
    }

    /** User-info passwords and credential query parameter values in any URL inside the text. */
    static String credentials(String s) {
        if (s.indexOf("://") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int scheme = s.indexOf("://", i);
            if (scheme < 0) {
                b.append(s, i, s.length());
                break;
            }
            int start = scheme + 3;
            b.append(s, i, start);
            int end = start;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"' && s.charAt(end) != '\'') {
                end++;
            }
            b.append(maskOneUrlTail(s.substring(start, end)));
            i = end;
        }
        return b.toString();
    }

    private static String maskOneUrlTail(String tail) {
        String t = tail;
        int slash = indexOfAny(t, "/?#");
        String authority = slash < 0 ? t : t.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            int colon = authority.indexOf(':');
            if (colon >= 0 && colon < at) {
                t = authority.substring(0, colon + 1) + MASK + t.substring(at);
            }
        }
        int q = t.indexOf('?');
        if (q < 0) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length());
        b.append(t, 0, q + 1);
        String[] params = t.substring(q + 1).split("&", -1);
        for (int p = 0; p < params.length; p++) {
            if (p > 0) {
                b.append('&');
            }
            String param = params[p];
            int eq = param.indexOf('=');
            if (eq > 0 && CREDENTIAL_PARAMS.contains(param.substring(0, eq).toLowerCase(Locale.ROOT))) {
                b.append(param, 0, eq + 1).append(MASK);
            } else {
                b.append(param);
            }
        }
        return b.toString();
    }

    /** A credential slot's value (a header line or user:password) with everything after the first ':' masked. */
    static String credentialSlot(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return MASK;
        }
        boolean spaced = colon + 1 < value.length() && value.charAt(colon + 1) == ' ';
        return value.substring(0, colon + 1) + (spaced ? " " : "") + MASK;
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?" + MASK;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
