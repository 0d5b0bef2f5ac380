package dev.egressguard.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.it.apps.JdkHttpClientApp;
import dev.egressguard.it.apps.PolicyReloadApp;
import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.ServerPerClass;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SPEC §12: invalid policies at start (failMode) and on reload (the last good one stays). */
class PolicyLifecycleTest extends ServerPerClass {
    static final String ALLOW_SSN = "name: lenient\nactionOverrides: []\n";
    static final String BLOCK_SSN = "name: strict\nactionOverrides:\n  - patternType: SSN\n    action: block\n";
    static final String BROKEN = "name: broken\nblockedTool: [pastebin]\n";

    @Test
    void aChangedPolicyFileIsReloadedAndAnInvalidOneKeepsTheLastGood() {
        Path policy = Policies.write("reload", ALLOW_SSN);
        String url = server.url("api.openai.com", "/v1/chat/completions");
        String body = "customer ssn " + Policies.ssn();
        AppResult r = AgentJvm.app(PolicyReloadApp.class).policy(policy)
                .args(policy.toString(), url, body, BLOCK_SSN, BROKEN)
                .run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertThrewBlock(r, 2);
        assertEquals(1, server.requests().size(), "only the request under the lenient policy arrives");
        assertTrue(r.auditLines().stream().anyMatch(l -> l.contains("\"type\":\"policy.rejected\"")), r::toString);
        assertEquals(2, r.auditLines().stream().filter(l -> l.contains("\"type\":\"policy.loaded\"")).count(),
                r::toString);
        assertTrue(r.stderr().contains("reload.yaml:2:1: unknown key 'blockedTool' (did you mean 'blockedTools'?)")
                || r.stderr().contains(":2:1: unknown key 'blockedTool'"), r::toString);
    }

    @Test
    void anInvalidPolicyAtStartBlocksEverythingWhenFailModeIsClosed() {
        Path policy = Policies.write("broken-closed", BROKEN);
        String url = server.url("api.openai.com", "/v1/chat/completions");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy)
                .args("send", "POST", url, "hello")
                .run();
        assertThrewBlock(r, 0);
        assertTrue(r.result(0).contains("is invalid"), r::toString);
        assertTrue(r.stderr().contains(":2:1: unknown key 'blockedTool'"), r::toString);
        assertNothingReceived();
    }

    @Test
    void anInvalidPolicyAtStartAppliesTheDefaultPolicyWhenFailModeIsOpen() {
        Path policy = Policies.write("broken-open", BROKEN);
        String url = server.url("api.openai.com", "/v1/chat/completions");
        AppResult r = AgentJvm.app(JdkHttpClientApp.class).policy(policy).agentArg("failMode", "open")
                .args("send", "POST", url, "hello", "POST", url, "ssn " + Policies.ssn())
                .run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertEquals(1, server.requests().size());
    }
}
