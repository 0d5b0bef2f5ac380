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

    /** The formatted second last asked for: records come in bursts within one second. */
    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    public static String format(long epochMillis) {
        StringBuilder sb = new StringBuilder(24);
        append(epochMillis, sb);
        return sb.toString();
    }

    /** As {@link #format}, appended in place (no escaping is ever needed). */
    public static void append(long epochMillis, StringBuilder sb) {
        long second = Math.floorDiv(epochMillis, 1000);
        Second s = last;
        if (s.second != second) {
            String full = FORMAT.format(Instant.ofEpochMilli(second * 1000));
            s = new Second(second, full.substring(0, full.length() - 4));
            last = s;
        }
        int ms = (int) Math.floorMod(epochMillis, 1000);
        sb.append(s.prefix).append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
                .append((char) ('0' + ms % 10)).append('Z');
    }

    private static final class Second {
        final long second;
        /** {@code 2026-11-22T10:16:31.} */
        final String prefix;

        Second(long second, String prefix) {
            this.second = second;
            this.prefix = prefix;
        }
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
