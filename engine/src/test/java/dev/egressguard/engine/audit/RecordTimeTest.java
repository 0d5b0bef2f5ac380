package dev.egressguard.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cached formatter writes exactly what the JDK's ISO formatter writes, for any instant. */
class RecordTimeTest {
    private static final DateTimeFormatter JDK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void matchesTheJdkFormatter() {
        long[] edges = {0, 999, 1000, -1, -1000, -1001, 1763806591042L, 1763806591999L, 1763806592000L};
        for (long t : edges) {
            assertEquals(JDK.format(Instant.ofEpochMilli(t)), RecordTime.format(t));
        }
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            long t = r.nextLong() % 4_000_000_000_000L;
            for (long u : new long[] {t, t + 1, t + r.nextInt(2000)}) {
                assertEquals(JDK.format(Instant.ofEpochMilli(u)), RecordTime.format(u));
            }
        }
        assertEquals(1763806591042L, RecordTime.parse(RecordTime.format(1763806591042L)));
    }
}
