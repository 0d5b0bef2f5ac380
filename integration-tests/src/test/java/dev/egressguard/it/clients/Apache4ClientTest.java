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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apache HttpClient 4.5.14 in forked JVMs with the agent: the builder's CloseableHttpClient and the legacy
 * DefaultHttpClient, against the recording loopback server (SPEC §6).
 */
class Apache4ClientTest {
    private static final String APP = "dev.egressguard.it.apps.apache4.Apache4App";
    private static final String CLIENT = "apache-httpclient-4.5.14";
    private static final String CHANNEL = "apache-httpclient4";
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

    private static AgentJvm app() {
        return ClientRuns.app("apache4", CLIENT, APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void cleanArrivesByteForByteAndSecretsAreBlockedBeforeSending(String mode) {
        String url = chatUrl(server);
        AppResult r = app().args(mode, "POST", url, withSsn(), "POST", url, withKey(), "POST", url, clean()).run();
        assertBlocked(r, 0, "POST", url, "SSN detected in request body");
        assertBlocked(r, 1, "POST", url, "");
        assertStatus200(r, 2);
        List<RecordedRequest> got = server.requests();
        assertEquals(1, got.size(), "only the clean request arrives, and no blocked one is retried");
        assertEquals(1, server.connections(), "the blocked ones never opened a connection");
        assertArrayEquals(clean().getBytes(StandardCharsets.UTF_8), got.get(0).body());
        assertEquals("application/json; charset=UTF-8", got.get(0).header("Content-Type"));
        assertEquals(String.valueOf(clean().length()), got.get(0).header("Content-Length"));
        assertIncidentNamed(r, 0);
        assertEquals(3, decisions(r, CHANNEL).size(), "one decision per request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void redactReplacesTheEntityAndEachRedirectHopIsDecided(String mode) {
        String url = chatUrl(server);
        String redirect = ClientRuns.redirectToPastebin(server);
        AppResult r = app().policy(ClientRuns.REDACT_AND_NO_PASTEBIN)
                .args(mode, "POST", url, withSsn(), "GET", redirect, "-").run();
        assertStatus200(r, 0);
        assertBlocked(r, 1, "GET", server.url("pastebin.com", "/x"), "");
        List<RecordedRequest> got = server.requests();
        assertEquals(2, got.size(), "the redacted request and the first hop; never the pastebin hop");
        assertEquals(withSsn().replace(Policies.ssn(), "[REDACTED]"), got.get(0).bodyUtf8());
        assertEquals(String.valueOf(got.get(0).body().length), got.get(0).header("Content-Length"));
        assertEquals("application/json; charset=UTF-8", got.get(0).header("Content-Type"), "content type kept");
        assertEquals("/redirect", got.get(1).path());
        assertIncidentNamed(r, 1);
        assertEquals(3, decisions(r, CHANNEL).size(), "one decision per hop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void monitorModeDeliversUnchanged(String mode) {
        AppResult r = app().mode("monitor").args(mode, "POST", chatUrl(server), withSsn()).run();
        assertStatus200(r, 0);
        assertArrayEquals(withSsn().getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
        List<String> decided = decisions(r, CHANNEL);
        assertEquals(1, decided.size());
        assertTrue(decided.get(0).matches(".*\"enforced\"\\s*:\\s*false.*"), "recorded as not enforced");
    }

    @Test
    void streamingEntityIsNotRead() {
        AppResult r = app().args("streaming", "POST", chatUrl(server), withSsn()).run();
        // the default policy blocks an SSN it sees: this stream went through unread, once, by the client
        assertStatus200(r, 0);
        assertArrayEquals(withSsn().getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
        assertEquals(1, decisions(r, CHANNEL).size(), "decided (and recorded) without its body");
    }
}
