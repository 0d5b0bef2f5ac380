package dev.egressguard.api;

import java.util.List;
import java.util.Map;

/** An outbound HTTP request, decided before any of it reaches the network. */
public final class HttpEgress extends Egress {
    /** No body (GET, or an empty body). */
    public static final int BODY_NONE = 0;
    /** The whole body is in {@link #body()} and may be replaced by one of any length. */
    public static final int BODY_REPLACEABLE = 1;
    /** The whole body is in {@link #body()}; its length is fixed, so a replacement must keep it. */
    public static final int BODY_FIXED_LENGTH = 2;
    /** The body cannot be read without consuming it (one-shot, duplex, streaming): not inspected, not replaceable. */
    public static final int BODY_UNREADABLE = 3;
    /** The whole body is in {@link #body()}, but the client re-sends it itself (a redirect): not replaceable. */
    public static final int BODY_READ_ONLY = 4;

    private final String method;
    private final String url;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final int bodyState;
    private final long contentLength;
    private byte[] replacementBody;

    public HttpEgress(String channel, String method, String url, Map<String, List<String>> headers,
                      byte[] body, int bodyState) {
        super(channel);
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.bodyState = bodyState;
        this.contentLength = body == null ? (bodyState == BODY_NONE ? 0 : -1) : body.length;
    }

    /** As above, for a body whose full length is known and may exceed what was read into {@code body}. */
    public HttpEgress(String channel, String method, String url, Map<String, List<String>> headers,
                      byte[] body, int bodyState, long contentLength) {
        super(channel);
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.bodyState = bodyState;
        this.contentLength = contentLength;
    }

    public String method() { return method; }
    public String url() { return url; }
    /** Header names as the application gave them; never null. */
    public Map<String, List<String>> headers() { return headers; }
    public byte[] body() { return body; }
    public int bodyState() { return bodyState; }
    /**
     * The body's full length in bytes, or -1 when unknown. Longer than {@code body().length} when only a
     * prefix was read; above {@link EgressHandler#maxBodyBytes()} the body is oversized (SPEC §5.1 oversizedBody).
     */
    public long contentLength() { return contentLength; }

    /** Set by the handler when the decision is a redact: the body to send instead. */
    public void replaceBody(byte[] newBody) { this.replacementBody = newBody; }

    /** The body to send instead of the original, or null to send it unchanged. */
    public byte[] replacementBody() { return replacementBody; }
}
