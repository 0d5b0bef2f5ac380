package dev.egressguard.it.harness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One request exactly as it arrived at the {@link RecordingServer}: head, decoded body, and every raw byte. */
public record RecordedRequest(String method, String target, String version, List<String[]> headers, byte[] body,
                              byte[] raw) {

    /** The first value of a header, case-insensitive; null when absent. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    public String bodyUtf8() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The path of the target, without the query, for absolute-form (proxy) targets too. */
    public String path() {
        String t = target;
        int scheme = t.indexOf("://");
        if (!t.startsWith("/") && scheme >= 0) {
            int slash = t.indexOf('/', scheme + 3);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int q = t.indexOf('?');
        return q < 0 ? t : t.substring(0, q);
    }

    /** Never prints the body: test output must not echo what the agent should have stopped. */
    @Override
    public String toString() {
        return method + " " + target + " (" + body.length + " body bytes)";
    }

}
