package dev.egressguard.it.harness;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base for end-to-end tests: one {@link RecordingServer} per test class, reset before each test, and the
 * assertions every egress path shares.
 */
public abstract class ServerPerClass {
    protected static RecordingServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new RecordingServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    /** The app saw an EgressBlockedException (thrown, or as the cause of what it caught). */
    public static void assertBlocked(AppResult r, int i) {
        String result = r.result(i);
        assertTrue(result.contains(" blocked=true "), () -> "request #" + i + " was not blocked\n" + r);
        assertTrue(result.contains("message=egress-guard blocked "), () -> "SPEC §5.6 message, #" + i + "\n" + r);
    }

    /** The app saw exactly {@code EgressBlockedException} thrown by the call itself. */
    public static void assertThrewBlock(AppResult r, int i) {
        assertBlocked(r, i);
        assertTrue(r.result(i).startsWith("error=dev.egressguard.api.EgressBlockedException "),
                () -> "the call itself must throw the block, #" + i + "\n" + r);
    }

    public static void assertStatus(AppResult r, int i, int status) {
        assertEquals("status=" + status, r.result(i), () -> "request #" + i + "\n" + r);
    }

    /** Not one byte reached the server: a block happens before the request is written. */
    public static void assertNothingReceived() {
        assertEquals(0, server.bytesReceived(), "bytes that reached the server");
        assertEquals(List.of(), server.requests());
    }

    /** Count of decision records in the app's audit log. */
    public static long decisions(AppResult r) {
        return r.auditLines().stream().filter(l -> l.contains("\"type\":\"decision\"")).count();
    }
}
