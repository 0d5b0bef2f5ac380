package dev.egressguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.Endpoint;
import dev.egressguard.config.EndpointCategory;
import dev.egressguard.config.Policy;
import dev.egressguard.config.RiskLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API of SPEC §11. */
class EgressGuardTest {
    static final String SSN = "123-45-" + "6789";

    @TempDir
    Path dir;

    @Test
    void checksAPromptAndRedactsOnRequest() throws Exception {
        EgressGuard guard = EgressGuard.withDefaultPolicy();
        CheckResult clean = guard.checkExfiltration("https://api.openai.com/v1/chat/completions", "hello", "a");
        assertEquals(Action.ALLOW, clean.action());
        CheckResult ssn = guard.checkExfiltration("https://api.openai.com/v1/chat/completions", "ssn " + SSN, "a");
        assertEquals(Action.BLOCK, ssn.action());
        assertEquals(34.2, ssn.riskScore(), 0.05);
        assertNull(ssn.incidentId(), "records nothing without an audit log");

        Path p = Files.writeString(dir.resolve("p.yaml"), "actionOverrides:\n  - patternType: SSN\n    action: redact\n"
                + "redactWith: \"[REDACTED:{type}]\"\n");
        CheckResult r = EgressGuard.fromPolicy(p).checkExfiltration("https://x.example/", "ssn " + SSN + " ok", "a");
        assertEquals(Action.REDACT, r.action());
        assertEquals("ssn [REDACTED:SSN] ok", r.sanitizedPrompt());
    }

    @Test
    void customEndpointsReplaceBuiltInOnes() {
        EgressGuard guard = EgressGuard.withDefaultPolicy();
        assertEquals("openai-api", guard.checkExfiltration("https://api.openai.com/v1", "hi", "a").target().tool());
        guard.addCustomEndpoint(new Endpoint("openai-api", "OpenAI via proxy", EndpointCategory.ENTERPRISE,
                List.of("api.openai.com"), null, RiskLevel.LOW, "", "bidirectional"));
        CheckResult r = guard.checkExfiltration("https://api.openai.com/v1", "hi", "a");
        assertEquals("OpenAI via proxy", r.target().name());
        assertEquals(RiskLevel.LOW, r.target().riskLevel());
    }

    @Test
    void isThreadSafe() throws Exception {
        EgressGuard guard = EgressGuard.withDefaultPolicy();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Action>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = i % 2 == 0 ? "hello " + i : "ssn " + SSN + " " + i;
            results.add(pool.submit(() -> guard.checkExfiltration("https://x.example/", body, "a").action()));
        }
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i % 2 == 0 ? Action.ALLOW : Action.BLOCK, results.get(i).get());
        }
        pool.shutdown();
    }

    @Test
    void withAnAuditLogEveryDecisionIsRecordedAndIncidentsOpened() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (EgressGuard guard = EgressGuard.withAuditLog(Policy.defaultPolicy(), audit, null, "api-test")) {
            assertNull(guard.checkExfiltration("https://x.example/", "hello", "a").incidentId());
            CheckResult blocked = guard.checkExfiltration("https://x.example/", "ssn " + SSN, "agent-7");
            assertNotNull(blocked.incidentId());
            assertTrue(blocked.incidentId().matches("inc_[0-9a-f]{16}"));
        }
        String trail = Files.readString(audit, StandardCharsets.UTF_8);
        assertTrue(trail.contains("\"type\":\"decision\""));
        assertTrue(trail.contains("\"type\":\"incident.opened\""));
        assertTrue(trail.contains("\"agentId\":\"agent-7\""));
        assertTrue(trail.contains("\"type\":\"agent.stop\""));
        assertFalse(trail.contains(SSN), "no raw value in the trail");
    }
}
