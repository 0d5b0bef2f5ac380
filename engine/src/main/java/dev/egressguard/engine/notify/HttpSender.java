package dev.egressguard.engine.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * POSTs JSON with timeouts and retries, for notifications and export. Runs only on the
 * recorder's background threads, which the agent marks as its own traffic (SPEC §5.6 step 0).
 */
public final class HttpSender {
    public static final int CONNECT_TIMEOUT_MILLIS = 2000;
    public static final int READ_TIMEOUT_MILLIS = 5000;
    /** Retries after the first attempt, each after a longer pause. */
    public static final int RETRIES = 3;
    private static final long[] BACKOFF_MILLIS = {500, 1000, 2000};

    private HttpSender() {
    }

    /** One attempt: the response status, or an IOException when there was none. */
    public static int post(String url, byte[] body, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            c.setReadTimeout(READ_TIMEOUT_MILLIS);
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("User-Agent", "egress-guard");
            if (headers != null) {
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    c.setRequestProperty(h.getKey(), h.getValue());
                }
            }
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in != null) {
                try (InputStream s = in) {
                    s.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status;
        } finally {
            c.disconnect();
        }
    }

    /**
     * The first attempt and up to {@link #RETRIES} more on a connection failure, a 5xx or a 429.
     * Gives up early once {@code deadlineMillis} (epoch) has passed.
     *
     * @return true when the receiver accepted it (2xx)
     */
    public static boolean postWithRetries(String url, byte[] body, Map<String, String> headers, long deadlineMillis)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            boolean retryable;
            try {
                int status = post(url, body, headers);
                if (status >= 200 && status < 300) {
                    return true;
                }
                retryable = status >= 500 || status == 429;
            } catch (IOException | RuntimeException e) {
                retryable = true;
            }
            if (!retryable || attempt >= RETRIES || System.currentTimeMillis() + BACKOFF_MILLIS[attempt] > deadlineMillis) {
                return false;
            }
            Thread.sleep(BACKOFF_MILLIS[attempt]);
        }
    }

    /** {@code scheme://host[:port]} of a URL: webhook paths often hold secrets, so logs name only this. */
    public static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
        } catch (RuntimeException e) {
            return "(invalid URL)";
        }
    }
}
