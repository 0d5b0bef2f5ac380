package dev.egressguard.api.jdk;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.HttpEgress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;

/**
 * The stream an {@code HttpURLConnection} in a streaming mode hands out under egress-guard. The JDK writes
 * the request headers as soon as it creates its own stream, so this one holds the body back: a fixed-length
 * body until all declared bytes are written, a chunked one until it is closed or exceeds maxBodyBytes.
 * Then the request is decided; a block means nothing was sent, an allow (or a masking redact) sends the
 * held bytes through the JDK's stream and everything after them directly.
 */
final class GuardedStreamingOutputStream extends OutputStream {
    private final HttpURLConnection connection;
    private final UrlConnectionBridge.State state;
    private final String method;
    private final String url;
    private final Map<String, List<String>> headers;
    private final long fixedLength;
    private final long maxBodyBytes;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private OutputStream jdkStream;
    private boolean decided;

    GuardedStreamingOutputStream(HttpURLConnection connection, UrlConnectionBridge.State state, String method,
                                 String url, Map<String, List<String>> headers, long fixedLength,
                                 long maxBodyBytes) {
        this.connection = connection;
        this.state = state;
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.fixedLength = fixedLength;
        this.maxBodyBytes = maxBodyBytes;
    }

    synchronized boolean isDecided() {
        return decided;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (state.blocked != null) {
            throw state.blocked;
        }
        if (decided) {
            jdkStream.write(b, off, len);
            return;
        }
        held.write(b, off, len);
        if (fixedLength >= 0 ? held.size() >= Math.min(fixedLength, maxBodyBytes + 1) : held.size() > maxBodyBytes) {
            complete();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (decided) {
            jdkStream.flush();
        }
        // held bytes wait for the decision; flushing must not send them early
    }

    @Override
    public synchronized void close() throws IOException {
        if (state.blocked != null) {
            return; // the write that was blocked already threw; closing must not throw it a second time
        }
        if (!decided) {
            complete();
        }
        jdkStream.close();
    }

    /** Decides on what is held, then (unless blocked) sends it through the JDK's own stream. */
    synchronized void complete() throws IOException {
        if (decided) {
            return;
        }
        if (state.blocked != null) {
            throw state.blocked;
        }
        byte[] body = held.toByteArray();
        boolean whole = fixedLength >= 0 ? body.length >= fixedLength || body.length <= maxBodyBytes
                : body.length <= maxBodyBytes;
        int bodyState;
        if (body.length == 0) {
            bodyState = HttpEgress.BODY_NONE;
        } else if (!whole) {
            // oversized: the first maxBodyBytes + 1 are inspected (and masked in place on a redact), the rest
            // streams on uninspected
            bodyState = HttpEgress.BODY_FIXED_LENGTH;
        } else {
            bodyState = fixedLength >= 0 ? HttpEgress.BODY_FIXED_LENGTH : HttpEgress.BODY_REPLACEABLE;
        }
        long contentLength = fixedLength >= 0 ? fixedLength : (whole ? body.length : -1);
        HttpEgress egress = new HttpEgress(UrlConnectionBridge.CHANNEL, method, url, headers, body, bodyState,
                contentLength);
        state.decidedUrl = url;
        state.pending = null;
        UrlConnectionBridge.dispatch(state, egress);
        byte[] replacement = egress.replacementBody();
        if (replacement != null && bodyState == HttpEgress.BODY_FIXED_LENGTH && replacement.length != body.length) {
            state.blocked = new EgressBlockedException("egress-guard blocked " + method + " to "
                    + connection.getURL().getHost() + ": the body must be redacted and its length is fixed", null);
            throw state.blocked;
        }
        if (replacement != null) {
            body = replacement;
        }
        decided = true;
        jdkStream = connection.getOutputStream(); // the JDK writes the headers now
        jdkStream.write(body);
    }
}
