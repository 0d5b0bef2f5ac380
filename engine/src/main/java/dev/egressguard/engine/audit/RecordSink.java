package dev.egressguard.engine.audit;

import java.util.Map;

/**
 * Where sealed records go besides the file: notifications and exports (SPEC §9). {@link #accept}
 * is called from the recorder's writer (or a blocking request's thread) and must only enqueue.
 */
public interface RecordSink {
    /** A record as written (with seq and hash when the audit log is on). Must not modify it. */
    void accept(Map<String, Object> record);

    /** Delivers what is queued, waiting at most this long, then stops the sink's threads. */
    void close(long timeoutMillis);
}
