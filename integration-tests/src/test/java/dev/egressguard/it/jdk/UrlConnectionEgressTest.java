package dev.egressguard.it.jdk;

import dev.egressguard.it.apps.UrlConnectionApp;
import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.RecordedRequest;
import dev.egressguard.it.harness.ServerPerClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code HttpURLConnection} under the agent (SPEC §6) in its three body modes: buffered (sent at
 * getResponseCode), fixed-length streaming (bytes go out as written) and chunked streaming.
 */
class UrlConnectionEgressTest extends ServerPerClass {
    static final String JSON = "{\"text\":\"%s\",\"n\":1}";

    static Path redactPolicy() {
        return Policies.write("redact", """
                name: redact-ssn
                actionOverrides:
                  - patternType: SSN
                    action: redact
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"buffered", "fixed", "chunked"})
    void cleanArrivesByteForByteSecretsAreBlockedBeforeAnyByte(String mode) {
        String url = server.url("api.openai.com", "/v1/embeddings");
        String clean = String.format(JSON, "a clean body, longer than one 16-byte chunk \u00fc");
        AppResult r = AgentJvm.app(UrlConnectionApp.class)
                .systemProperty("app.headers", "Content-Type: application/json")
                .args(mode, "POST", url, clean,
                        "POST", url, String.format(JSON, "ssn " + Policies.ssn()),
                        "POST", url, String.format(JSON, "key " + Policies.openAiKey()))
                .run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertThrewBlock(r, 2);
        List<RecordedRequest> got = server.requests();
        assertEquals(1, got.size(), "only the clean request arrives");
        assertArrayEquals(clean.getBytes(StandardCharsets.UTF_8), got.get(0).body());
        if (mode.equals("chunked")) {
            assertEquals("chunked", got.get(0).header("Transfer-Encoding"));
        } else {
            assertEquals(String.valueOf(got.get(0).body().length), got.get(0).header("Content-Length"));
        }
        assertEquals(3, decisions(r), "one decision record per request");
    }

    @Test
    void chunkedStreamLeftOpenIsDecidedWhenTheResponseIsAskedFor() {
        String url = server.url("api.openai.com", "/v1/x");
        AppResult r = AgentJvm.app(UrlConnectionApp.class)
                .args("chunked-unclosed", "POST", url, "clean and never closed by the app",
                        "POST", url, "ssn " + Policies.ssn() + " never closed")
                .run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertEquals(1, server.requests().size());
        assertEquals("clean and never closed by the app", server.requests().get(0).bodyUtf8());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "chunked"})
    void streamsLongerThanMaxBodyBytesAreDecidedOnTheirStartAndArriveWhole(String mode) {
        String body = "x".repeat(150) + " the rest streams on " + "y".repeat(150);
        AppResult r = AgentJvm.app(UrlConnectionApp.class).agentArg("maxBodyBytes", "64")
                .args(mode, "POST", server.url("api.github.com", "/upload"), body)
                .run();
        assertStatus(r, 0, 200);
        assertEquals(body, server.requests().get(0).bodyUtf8());
    }

    @ParameterizedTest
    @ValueSource(strings = {"buffered", "fixed", "chunked"})
    void blockedSendsNothingNotEvenHeaders(String mode) {
        AppResult r = AgentJvm.app(UrlConnectionApp.class)
                .args(mode, "POST", server.url("api.openai.com", "/v1/x"), "ssn " + Policies.ssn())
                .run();
        assertThrewBlock(r, 0);
        assertNothingReceived();
    }

    @ParameterizedTest
    @ValueSource(strings = {"buffered", "chunked"})
    void redactReplacesTheBodyAndContentLengthFollows(String mode) {
        String body = String.format(JSON, "ssn " + Policies.ssn() + " end");
        AppResult r = AgentJvm.app(UrlConnectionApp.class).policy(redactPolicy())
                .systemProperty("app.headers", "Content-Type: application/json")
                .args(mode, "POST", server.url("api.openai.com", "/v1/x"), body)
                .run();
        assertStatus(r, 0, 200);
        RecordedRequest got = server.requests().get(0);
        assertFalse(got.bodyUtf8().contains(Policies.ssn()), "the SSN reached the server");
        assertTrue(got.bodyUtf8().contains("[REDACTED]"), "redaction marker");
        assertTrue(got.bodyUtf8().startsWith("{\"text\":\"ssn ") && got.bodyUtf8().endsWith(" end\",\"n\":1}"));
        if (mode.equals("buffered")) {
            assertEquals(String.valueOf(got.body().length), got.header("Content-Length"));
        }
    }

    @Test
    void fixedLengthRedactMasksWithEqualLength() {
        String body = String.format(JSON, "ssn " + Policies.ssn() + " end");
        AppResult r = AgentJvm.app(UrlConnectionApp.class).policy(redactPolicy())
                .args("fixed", "POST", server.url("api.openai.com", "/v1/x"), body)
                .run();
        assertStatus(r, 0, 200);
        RecordedRequest got = server.requests().get(0);
        assertEquals(body.length(), got.body().length, "the declared length is kept");
        assertEquals(String.valueOf(body.length()), got.header("Content-Length"));
        assertFalse(got.bodyUtf8().contains(Policies.ssn()), "the SSN reached the server");
        assertTrue(got.bodyUtf8().contains("***********"), "masked in place");
    }

    @Test
    void monitorModeDeliversUnchanged() {
        String body = "ssn " + Policies.ssn();
        AppResult r = AgentJvm.app(UrlConnectionApp.class).mode("monitor")
                .args("fixed", "POST", server.url("api.openai.com", "/v1/x"), body,
                        "buffered", "POST", server.url("api.openai.com", "/v1/y"), body)
                .run();
        assertStatus(r, 0, 200);
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
    }

    @Test
    void urlOpenStreamIsDecided() {
        var policy = Policies.write("blocked-tools", "blockedTools: [pastebin]\n");
        AppResult r = AgentJvm.app(UrlConnectionApp.class).policy(policy)
                .args("openStream", "GET", server.url("pastebin.com", "/raw/abc"), "-",
                        "GET", server.url("api.github.com", "/zen"), "-")
                .run();
        assertThrewBlock(r, 0);
        assertStatus(r, 1, 200);
        assertEquals(1, server.requests().size());
        assertEquals("/zen", server.requests().get(0).target());
    }

    @Test
    void redirectHopsFollowedByTheJdkAreDecided() {
        var policy = Policies.write("blocked-tools", "blockedTools: [pastebin]\n");
        String toPaste = server.url("pastebin.com", "/raw");
        String toGithub = server.url("api.github.com", "/final");
        AppResult r = AgentJvm.app(UrlConnectionApp.class).policy(policy)
                .args("buffered", "GET", server.url("api.github.com", "/redirect?to=" + toPaste), "-",
                        "GET", server.url("api.github.com", "/redirect?to=" + toGithub), "-")
                .run();
        assertThrewBlock(r, 0);
        assertStatus(r, 1, 200);
        assertEquals(List.of("/redirect", "/redirect", "/final"),
                server.requests().stream().map(RecordedRequest::path).toList());
        assertEquals(4, decisions(r));
    }

    @Test
    void blockedConnectionStaysBlocked() {
        // getResponseCode calls getInputStream twice internally: the second call must not send the request
        AppResult r = AgentJvm.app(UrlConnectionApp.class)
                .args("buffered", "POST", server.url("api.openai.com", "/v1/x"), "ssn " + Policies.ssn())
                .run();
        assertThrewBlock(r, 0);
        assertNothingReceived();
    }
}
