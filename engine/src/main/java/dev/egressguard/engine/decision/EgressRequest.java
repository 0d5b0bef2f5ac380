package dev.egressguard.engine.decision;

import dev.egressguard.config.RuleKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the engine is asked to decide: an HTTP request or a command line. Immutable. */
public final class EgressRequest {

    /** Whether a body can be read, and how it may be replaced. */
    public enum BodyMode {
        /** No body. */
        NONE,
        /** Read whole; may be replaced by a body of any length. */
        REPLACEABLE,
        /** Read whole; a replacement must keep the length. */
        FIXED_LENGTH,
        /** Cannot be read without consuming it (one-shot, duplex, streaming): not inspected. */
        UNREADABLE,
        /** Read whole, but cannot be replaced (a body the client re-sends itself on a redirect). */
        READ_ONLY
    }

    private final RuleKind kind;
    private final String channel;
    private final String method;
    private final String url;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final BodyMode bodyMode;
    private final long contentLength;
    private final List<String> argv;
    private final String workingDir;

    private EgressRequest(RuleKind kind, String channel, String method, String url,
                          Map<String, List<String>> headers, byte[] body, BodyMode bodyMode, long contentLength,
                          List<String> argv, String workingDir) {
        this.kind = kind;
        this.channel = channel;
        this.method = method;
        this.url = url;
        this.headers = headers == null ? Map.of() : headers;
        this.body = body;
        this.bodyMode = body == null && bodyMode != BodyMode.UNREADABLE ? BodyMode.NONE : bodyMode;
        this.contentLength = contentLength >= 0 ? contentLength : body != null ? body.length : -1;
        this.argv = argv;
        this.workingDir = workingDir;
    }

    /** An HTTP request; {@code body} is kept by reference and must not change afterwards. */
    public static EgressRequest http(String channel, String method, String url,
                                     Map<String, List<String>> headers, byte[] body, BodyMode bodyMode) {
        return http(channel, method, url, headers, body, bodyMode, -1);
    }

    /** As above, with the body's declared length when it is known and may exceed what was read (-1: unknown). */
    public static EgressRequest http(String channel, String method, String url, Map<String, List<String>> headers,
                                     byte[] body, BodyMode bodyMode, long contentLength) {
        return new EgressRequest(RuleKind.NETWORK_REQUEST, channel, method == null ? "GET" : method,
                Objects.requireNonNull(url, "url"), headers, body, bodyMode, contentLength, null, null);
    }

    /** A child process about to start. */
    public static EgressRequest command(String channel, List<String> argv, String workingDir) {
        return new EgressRequest(RuleKind.SHELL_EXEC, channel, null, null, null, null, BodyMode.NONE, -1,
                List.copyOf(argv), workingDir);
    }

    public RuleKind kind() { return kind; }
    public String channel() { return channel; }
    public String method() { return method; }
    public String url() { return url; }
    public Map<String, List<String>> headers() { return headers; }
    public byte[] body() { return body; }
    public BodyMode bodyMode() { return bodyMode; }
    /** The body's full length in bytes, or -1 when unknown. */
    public long contentLength() { return contentLength; }
    public List<String> argv() { return argv; }
    public String workingDir() { return workingDir; }

    /** The first value of a header, matched case-insensitively; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
