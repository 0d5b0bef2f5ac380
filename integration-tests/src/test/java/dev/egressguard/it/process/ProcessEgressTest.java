package dev.egressguard.it.process;

import dev.egressguard.it.apps.ProcessApp;
import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.ServerPerClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Child processes under the agent (SPEC §6, §7) with the real {@code curl} and {@code wget}. curl reaches the
 * recording server through {@code --resolve}, wget through it as a proxy: the URL they name stays public.
 */
class ProcessEgressTest extends ServerPerClass {

    String resolve(String host) {
        return host + ":" + server.port() + ":127.0.0.1";
    }

    @Test
    void cleanCurlRunsAndItsRequestArrives() {
        String url = server.url("api.github.com", "/gists");
        AppResult r = AgentJvm.app(ProcessApp.class)
                .args("builder", "curl", "-s", "--resolve", resolve("api.github.com"), "-d", "hello=world", url)
                .run();
        assertStatus(r, 0, 0);
        assertTrue(r.stdout().contains("OUT ok"), r::toString);
        assertEquals("hello=world", server.requests().get(0).bodyUtf8());
    }

    @Test
    void curlPostingAnSsnIsBlockedAndNeverStarts() {
        String url = server.url("api.openai.com", "/v1/chat/completions");
        AppResult r = AgentJvm.app(ProcessApp.class)
                .args("builder", "curl", "-s", "--resolve", resolve("api.openai.com"), "-d",
                        "{\"ssn\":\"" + Policies.ssn() + "\"}", url)
                .run();
        // ProcessBuilder.start wraps the block: "Cannot run program", with it as the cause
        assertTrue(r.result(0).startsWith("error=java.io.IOException blocked=true"), r::toString);
        assertBlocked(r, 0);
        assertNothingReceived();
        assertFalse(r.stdout().contains(Policies.ssn()), "SSN echoed");
    }

    @Test
    void shellScriptsAreSeenThrough() {
        String url = server.url("api.openai.com", "/v1/x");
        AppResult r = AgentJvm.app(ProcessApp.class)
                .args("builder", "sh", "-c", "cd /tmp && curl -s --resolve " + resolve("api.openai.com")
                        + " -d 'key=" + Policies.openAiKey() + "' " + url)
                .run();
        assertBlocked(r, 0);
        assertNothingReceived();
    }

    @Test
    void runtimeExecStringIsBlocked() {
        String url = server.url("api.openai.com", "/v1/x");
        AppResult r = AgentJvm.app(ProcessApp.class)
                .args("exec-string", "curl", "-s", "--resolve", resolve("api.openai.com"), "-d",
                        "ssn=" + Policies.ssn(), url)
                .run();
        assertBlocked(r, 0);
        assertNothingReceived();
    }

    @Test
    void wgetPostDataIsBlockedAndCleanWgetRuns() {
        String proxy = "http://127.0.0.1:" + server.port();
        AppResult blocked = AgentJvm.app(ProcessApp.class)
                .args("exec-array", "wget", "-q", "-O", "-", "-e", "use_proxy=on", "-e", "http_proxy=" + proxy,
                        "--post-data=ssn=" + Policies.ssn(), "http://api.openai.com/v1/x")
                .run();
        assertBlocked(blocked, 0);
        assertNothingReceived();

        AppResult clean = AgentJvm.app(ProcessApp.class)
                .args("exec-array", "wget", "-q", "-O", "-", "-e", "use_proxy=on", "-e", "http_proxy=" + proxy,
                        "--post-data=hello", "http://api.github.com/gists")
                .run();
        assertStatus(clean, 0, 0);
        assertEquals("hello", server.requests().get(0).bodyUtf8());
        assertEquals("http://api.github.com/gists", server.requests().get(0).target());
    }

    @Test
    void blockedToolHostIsBlockedForProcessesToo() {
        var policy = Policies.write("blocked-tools", "blockedTools: [pastebin]\n");
        AppResult r = AgentJvm.app(ProcessApp.class).policy(policy)
                .args("builder", "curl", "-s", "--resolve", resolve("pastebin.com"), "-d", "harmless",
                        server.url("pastebin.com", "/api/api_post.php"))
                .run();
        assertBlocked(r, 0);
        assertNothingReceived();
    }

    @Test
    void redactRewritesInlineArguments() {
        var policy = Policies.write("redact", """
                actionOverrides:
                  - patternType: SSN
                    action: redact
                """);
        AppResult r = AgentJvm.app(ProcessApp.class).policy(policy)
                .args("builder", "curl", "-s", "--resolve", resolve("api.openai.com"), "-d",
                        "{\"ssn\":\"" + Policies.ssn() + "\"}", server.url("api.openai.com", "/v1/x"))
                .run();
        assertStatus(r, 0, 0);
        String body = server.requests().get(0).bodyUtf8();
        assertFalse(body.contains(Policies.ssn()), "the SSN reached the server");
        assertTrue(body.startsWith("{\"ssn\":\"") && body.contains("REDACTED"), "rewritten argument");
    }

    @Test
    void monitorModeRunsUnchanged() {
        AppResult r = AgentJvm.app(ProcessApp.class).mode("monitor")
                .args("builder", "curl", "-s", "--resolve", resolve("api.openai.com"), "-d",
                        "ssn=" + Policies.ssn(), server.url("api.openai.com", "/v1/x"))
                .run();
        assertStatus(r, 0, 0);
        assertEquals("ssn=" + Policies.ssn(), server.requests().get(0).bodyUtf8());
    }

    @Test
    void ordinaryCommandsAreUntouched() {
        AppResult r = AgentJvm.app(ProcessApp.class).args("builder", "echo", "123", "hello").run();
        assertStatus(r, 0, 0);
        assertTrue(r.stdout().contains("OUT 123 hello"), r::toString);
    }
}
