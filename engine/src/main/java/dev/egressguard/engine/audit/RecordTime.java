package dev.egressguard.engine.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Record times: ISO-8601 UTC with milliseconds, always three digits ({@code 2026-11-22T10:16:31.042Z}). */
public final class RecordTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RecordTime() {
    }

    public static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Epoch millis of a record time, or -1 when it is not one. */
    public static long parse(Object time) {
        if (!(time instanceof String)) {
            return -1;
        }
        try {
            return Instant.parse((String) time).toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
