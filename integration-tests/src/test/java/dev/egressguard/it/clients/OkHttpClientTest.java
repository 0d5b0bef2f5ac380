package dev.egressguard.it.clients;

import static dev.egressguard.it.clients.ClientRuns.assertBlocked;
import static dev.egressguard.it.clients.ClientRuns.assertIncidentNamed;
import static dev.egressguard.it.clients.ClientRuns.assertStatus200;
import static dev.egressguard.it.clients.ClientRuns.chatUrl;
import static dev.egressguard.it.clients.ClientRuns.clean;
import static dev.egressguard.it.clients.ClientRuns.decisions;
import static dev.egressguard.it.clients.ClientRuns.withKey;
import static dev.egressguard.it.clients.ClientRuns.withSsn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.RecordedRequest;
import dev.egressguard.it.harness.RecordingServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OkHttp 3.14, 4.12 and 5.3 in forked JVMs with the agent, against the recording loopback server (SPEC §6). */
class OkHttpClientTest {
    private static final String APP = "dev.egressguard.it.apps.okhttp.OkHttpApp";
    private static RecordingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static AgentJvm app(String client) {
        return ClientRuns.app("okhttp", client, APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"okhttp-3.14.9", "okhttp-4.12.0", "okhttp-5.3.0"})
    void cleanArrivesByteForByteAndSecretsAreBlockedBeforeSending(String client) {
        String url = chatUrl(server);
        AppResult r = app(client).args("execute", "POST", url, clean(), "POST", url, withSsn(), "POST", url, withKey()).run();
        assertStatus200(r, 0);
        assertBlocked(r, 1, "POST", url, "SSN detected in request body");
        assertBlocked(r, 2, "POST", url, "");
        List<RecordedRequest> got = server.requests();
        assertEquals(1, got.size(), "only the clean request arrives");
        assertArrayEquals(clean().getBytes(StandardCharsets.UTF_8), got.get(0).body());
        assertEquals(ClientRuns.CHAT, got.get(0).path());
        assertEquals("application/json; charset=utf-8", got.get(0).header("Content-Type"));
        assertEquals(String.valueOf(clean().length()), got.get(0).header("Content-Length"));
        assertIncidentNamed(r, 1);
        assertIncidentNamed(r, 2);
        assertEquals(3, decisions(r, "okhttp").size(), "one decision per request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"okhttp-3.14.9", "okhttp-4.12.0", "okhttp-5.3.0"})
    void enqueueFailsThroughTheCallback(String client) {
        String url = chatUrl(server);
        AppResult r = app(client).args("enqueue", "POST", url, withSsn(), "POST", url, clean()).run();
        assertBlocked(r, 0, "POST", url, "SSN detected in request body");
        assertTrue(r.stdout().contains("CALLBACK onFailure"), r::toString);
        assertStatus200(r, 1);
        assertEquals(1, server.requests().size());
        assertArrayEquals(clean().getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
        assertIncidentNamed(r, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"okhttp-3.14.9", "okhttp-4.12.0", "okhttp-5.3.0"})
    void newBuilderCopiesAreCovered(String client) {
        String url = chatUrl(server);
        AppResult r = app(client).args("copy", "POST", url, withSsn()).run();
        assertBlocked(r, 0, "POST", url, "SSN detected in request body");
        assertEquals(0, server.bytesReceived(), "nothing of a blocked request reaches the network");
        assertEquals(0, server.connections());
        assertIncidentNamed(r, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"okhttp-3.14.9", "okhttp-4.12.0", "okhttp-5.3.0"})
    void redactRewritesTheBodyAndEachRedirectHopIsDecided(String client) {
        String url = chatUrl(server);
        String redirect = ClientRuns.redirectToPastebin(server);
        AppResult r = app(client).policy(ClientRuns.REDACT_AND_NO_PASTEBIN)
                .args("execute", "POST", url, withSsn(), "GET", redirect, "-").run();
        assertStatus200(r, 0);
        assertBlocked(r, 1, "GET", server.url("pastebin.com", "/x"), "");
        List<RecordedRequest> got = server.requests();
        assertEquals(2, got.size(), "the redacted request and the first hop; never the pastebin hop");
        String expected = withSsn().replace(Policies.ssn(), "[REDACTED]");
        assertEquals(expected, got.get(0).bodyUtf8(), "JSON with the value replaced inside its string");
        assertEquals(String.valueOf(got.get(0).body().length), got.get(0).header("Content-Length"));
        assertEquals("application/json; charset=utf-8", got.get(0).header("Content-Type"));
        assertEquals("/redirect", got.get(1).path());
        assertIncidentNamed(r, 1);
        assertEquals(3, decisions(r, "okhttp").size(), "one decision per hop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"okhttp-3.14.9", "okhttp-4.12.0", "okhttp-5.3.0"})
    void monitorModeDeliversUnchanged(String client) {
        String url = chatUrl(server);
        AppResult r = app(client).mode("monitor").args("execute", "POST", url, withSsn()).run();
        assertStatus200(r, 0);
        assertArrayEquals(withSsn().getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
        List<String> decided = decisions(r, "okhttp");
        assertEquals(1, decided.size());
        assertTrue(decided.get(0).matches(".*\"enforced\"\\s*:\\s*false.*"), "recorded as not enforced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"okhttp-3.14.9", "okhttp-4.12.0", "okhttp-5.3.0"})
    void oneShotBodyIsNotRead(String client) {
        String url = chatUrl(server);
        AppResult r = app(client).args("oneshot", "POST", url, withSsn()).run();
        assertStatus200(r, 0);
        // the default policy blocks an SSN it sees: this one went through unread, written once, by OkHttp
        assertArrayEquals(withSsn().getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
        assertFalse(r.stdout().contains("written twice"), r::toString);
        List<String> decided = decisions(r, "okhttp");
        assertEquals(1, decided.size(), "decided (and recorded) without its body");
        assertTrue(decided.get(0).matches(".*\"detections\"\\s*:\\s*\\[\\].*"), "nothing inspected, nothing detected");
    }

    /** OkHttp 4 and later follow a 307 with its body (3.x returns the 307 to the application). */
    @ParameterizedTest
    @ValueSource(strings = {"okhttp-4.12.0", "okhttp-5.3.0"})
    void aRedirectThatResendsTheBodyIsDecidedAgain(String client) {
        String to = chatUrl(server);
        String redirect = server.url("api.github.com", "/redirect?status=307&to="
                + java.net.URLEncoder.encode(to, StandardCharsets.UTF_8));
        AppResult r = app(client).policy(ClientRuns.REDACT_AND_NO_PASTEBIN).args("execute", "POST", redirect, withSsn()).run();
        assertStatus200(r, 0);
        List<RecordedRequest> got = server.requests();
        assertEquals(2, got.size());
        String expected = withSsn().replace(Policies.ssn(), "[REDACTED]");
        assertEquals(expected, got.get(0).bodyUtf8());
        assertEquals(ClientRuns.CHAT, got.get(1).path());
        assertEquals(expected, got.get(1).bodyUtf8(), "the second hop carries the redacted body");
        assertEquals(2, decisions(r, "okhttp").size(), "one decision per hop");
    }
}
