package dev.egressguard.it.jdk;

import dev.egressguard.it.apps.JdkHttpClientApp;
import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.RecordedRequest;
import dev.egressguard.it.harness.ServerPerClass;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java.net.http.HttpClient} under the agent (SPEC §6): send, sendAsync, redirects, every outcome. */
class JdkHttpClientEgressTest extends ServerPerClass {
    static final String CHAT = "/v1/chat/completions";

    static String prompt(String text) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void defaultPolicyPassesCleanRequestsByteForByteAndBlocksSsnAndKeysBeforeSending() {
        String url = server.url("api.openai.com", CHAT);
        String clean = prompt("What is the capital of France? \u00e9\u00e8 \u2713");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class)
                .systemProperty("app.headers", "Content-Type: application/json|X-Trace: abc123")
                .args("send", "POST", url, clean, "POST", url, prompt("my ssn is " + Policies.ssn()),
                        "POST", url, prompt("key " + Policies.openAiKey()))
                .run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertThrewBlock(r, 2);
        assertTrue(r.result(1).contains("message=egress-guard blocked POST " + url + ": SSN"), r::toString);
        assertTrue(r.result(1).matches(".*\\[incident inc_[0-9a-f]{16}]$"), r::toString);
        assertFalse(r.stdout().contains(Policies.ssn()) || r.stderr().contains(Policies.ssn()), "SSN echoed");

        List<RecordedRequest> got = server.requests();
        assertEquals(1, got.size(), "only the clean request arrives");
        assertArrayEquals(clean.getBytes(StandardCharsets.UTF_8), got.get(0).body());
        assertEquals("POST", got.get(0).method());
        assertEquals(CHAT, got.get(0).target());
        assertEquals("abc123", got.get(0).header("X-Trace"));
        assertEquals("application/json", got.get(0).header("Content-Type"));
        assertEquals(3, decisions(r), "one decision record per application request");
    }

    @Test
    void sendAsyncFailsTheFutureAndSendsNothing() {
        String url = server.url("api.openai.com", CHAT);
        AppResult r = AgentJvm.app(JdkHttpClientApp.class)
                .args("async", "POST", url, prompt("ssn " + Policies.ssn()), "POST", url, prompt("hello"))
                .run();
        // the future completes exceptionally; get() wraps the cause in ExecutionException
        assertTrue(r.result(0).startsWith("error=java.util.concurrent.ExecutionException blocked=true"), r::toString);
        assertBlocked(r, 0);
        assertStatus(r, 1, 200);
        assertEquals(1, server.requests().size());
        assertEquals(prompt("hello"), server.requests().get(0).bodyUtf8());
    }

    @Test
    void blockedRequestSendsNotOneByte() {
        AppResult r = AgentJvm.app(JdkHttpClientApp.class)
                .args("send", "PUT", server.url("api.openai.com", "/v1/files"), "ssn " + Policies.ssn())
                .run();
        assertThrewBlock(r, 0);
        assertNothingReceived();
    }

    @Test
    void redactPolicyDeliversValidJsonWithoutTheValue() {
        var policy = Policies.write("redact", """
                name: redact-ssn
                actionOverrides:
                  - patternType: SSN
                    action: redact
                """);
        String url = server.url("api.openai.com", CHAT);
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy)
                .systemProperty("app.headers", "Content-Type: application/json")
                .args("send", "POST", url, prompt("my ssn is " + Policies.ssn() + " ok"))
                .run();
        assertStatus(r, 0, 200);
        RecordedRequest got = server.requests().get(0);
        String body = got.bodyUtf8();
        assertFalse(body.contains(Policies.ssn()), "the SSN reached the server");
        assertTrue(body.contains("[REDACTED]"), () -> "redaction marker missing: " + body.length() + " bytes");
        assertTrue(body.startsWith("{\"model\":\"gpt-4o\"") && body.endsWith("\"}]}"), "still the JSON document");
        assertEquals(String.valueOf(got.body().length), got.header("Content-Length"));
        assertEquals("application/json", got.header("Content-Type"));
    }

    @Test
    void monitorModeDeliversUnchanged() {
        String url = server.url("api.openai.com", CHAT);
        String body = prompt("ssn " + Policies.ssn());
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).mode("monitor").args("send", "POST", url, body).run();
        assertStatus(r, 0, 200);
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
    }

    @Test
    void blockedToolIsBlockedWhateverTheContent() {
        var policy = Policies.write("blocked-tools", "blockedTools: [pastebin]\n");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy)
                .args("send", "POST", server.url("pastebin.com", "/api/api_post.php"), "hello world",
                        "GET", server.url("api.github.com", "/repos"), "-")
                .run();
        assertThrewBlock(r, 0);
        assertStatus(r, 1, 200);
        assertEquals(1, server.requests().size());
        assertEquals("/repos", server.requests().get(0).target());
    }

    @Test
    void denyByDefaultWithOneAllowRule() {
        var policy = Policies.write("deny-default", """
                defaultEffect: deny
                rules:
                  - action: network.request
                    resource: "http://api.github.com:*/**"
                    effect: allow
                    reason: "GitHub only"
                """);
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy)
                .args("send", "GET", server.url("api.github.com", "/user"), "-",
                        "GET", server.url("api.openai.com", "/v1/models"), "-",
                        "POST", server.url("service.corp.example", "/x"), "hi")
                .run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertThrewBlock(r, 2);
        assertEquals(1, server.requests().size());
    }

    @Test
    void everyRedirectHopIsDecided() {
        var policy = Policies.write("blocked-tools", "blockedTools: [pastebin]\n");
        String toPaste = server.url("pastebin.com", "/raw");
        String toGithub = server.url("api.github.com", "/final");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy)
                .args("send", "POST", server.url("api.github.com", "/redirect?status=307&to=" + toPaste), "hello",
                        "GET", server.url("api.github.com", "/redirect?status=302&to=" + toGithub), "-")
                .run();
        assertThrewBlock(r, 0);
        assertStatus(r, 1, 200);
        List<RecordedRequest> got = server.requests();
        assertEquals(List.of("/redirect", "/redirect", "/final"), got.stream().map(RecordedRequest::path).toList(),
                "the hop to the blocked tool never left");
        assertEquals(4, decisions(r), "first hops and redirect hops, each decided once");
    }

    @Test
    void aRedirectedBodyThatMustBeRedactedIsBlockedAndRecordedAsABlock() {
        // the internal first hop is allowed uninspected; the client re-sends the body to the 307's target itself
        var policy = Policies.write("redact-redirect", """
                internalDomains: ["*.corp.example"]
                actionOverrides:
                  - patternType: SSN
                    action: redact
                """);
        String toPaste = server.url("pastebin.com", "/raw");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy)
                .args("send", "POST", server.url("service.corp.example", "/redirect?status=307&to=" + toPaste),
                        "my ssn is " + Policies.ssn())
                .run();
        assertThrewBlock(r, 0);
        assertEquals(List.of("/redirect"), server.requests().stream().map(RecordedRequest::path).toList(),
                "the re-sent body never left");
        String hop = r.auditLines().stream()
                .filter(l -> l.contains("\"type\":\"decision\"") && l.contains("\"host\":\"pastebin.com\""))
                .findFirst().orElseThrow(() -> new AssertionError("no decision for the redirect hop\n" + r));
        assertTrue(hop.contains("\"action\":\"block\""), () -> "the record says what happened: " + hop);
        assertTrue(hop.contains("re-sends this body itself"), () -> "the record says why: " + hop);
    }

    @Test
    void oneShotBodyIsNotConsumedByInspection() {
        String url = server.url("api.github.com", "/upload");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).args("stream", "POST", url, "streamed body").run();
        assertStatus(r, 0, 200);
        assertEquals("streamed body", server.requests().get(0).bodyUtf8());
    }
}
