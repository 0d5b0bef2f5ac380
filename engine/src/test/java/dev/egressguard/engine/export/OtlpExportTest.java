package dev.egressguard.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.audit.EvidenceRecorder;
import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.audit.TestDecisions;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.notify.LoopbackReceiver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpExportTest {
    @TempDir
    Path dir;

    private static Map<String, AnyValue> attrs(List<KeyValue> kvs) {
        Map<String, AnyValue> m = new HashMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.getKey(), kv.getValue());
        }
        return m;
    }

    private static List<String> strings(AnyValue v) {
        return v.getArrayValue().getValuesList().stream().map(AnyValue::getStringValue).collect(Collectors.toList());
    }

    @Test
    void decisionsAndIncidentsArriveAsStrictOtlpJsonLogs() throws Exception {
        String incidentId;
        Decision injection = TestDecisions.blockSsn(2).toBuilder().build();
        Decision.Builder ib = injection.toBuilder();
        ib.action = Action.WARN;
        ib.detections = List.of(TestDecisions.detection(PatternType.PROMPT_INJECTION, 0, 30));
        injection = ib.build();
        try (LoopbackReceiver collector = new LoopbackReceiver(r -> 200)) {
            try (EvidenceRecorder rec = EvidenceRecorder.open(dir.resolve("o.jsonl"), null, 1 << 20, "checkout", Thread::new)) {
                Policy.Builder p = new Policy.Builder();
                p.exportOtlpEndpoint = collector.url("");
                p.exportOtlpHeaders = Map.of("Authorization", "Bearer collector-test");
                p.orgId = "acme";
                rec.policyLoaded(p.build());
                rec.record(TestDecisions.allow(1));
                incidentId = rec.record(TestDecisions.blockSsn(1));
                rec.record(injection);
                rec.record(TestDecisions.withAction(TestDecisions.blockSsn(3), Action.BLOCK, false));
            }
            List<LogRecord> logs = new ArrayList<>();
            List<ResourceLogs> resources = new ArrayList<>();
            LoopbackReceiver.Received got;
            while ((got = collector.received.poll(1, java.util.concurrent.TimeUnit.SECONDS)) != null) {
                assertEquals("/v1/logs", got.path());
                assertEquals("Bearer collector-test", got.headers().get("Authorization").get(0));
                ExportLogsServiceRequest.Builder req = ExportLogsServiceRequest.newBuilder();
                JsonFormat.parser().merge(got.body(), req); // strict: unknown fields or wrong types throw
                for (ResourceLogs rl : req.getResourceLogsList()) {
                    resources.add(rl);
                    rl.getScopeLogsList().forEach(s -> logs.addAll(s.getLogRecordsList()));
                }
            }
            // 4 decisions + 3 incidents opened
            assertEquals(7, logs.size());
            Map<String, AnyValue> resource = attrs(resources.get(0).getResource().getAttributesList());
            assertEquals("checkout", resource.get("service.name").getStringValue());
            assertEquals("acme", resource.get("egressguard.org_id").getStringValue());

            LogRecord blocked = logs.stream().filter(l -> attrs(l.getAttributesList()).get("egressguard.type")
                    .getStringValue().equals("incident.opened") && attrs(l.getAttributesList()).get("egressguard.id")
                    .getStringValue().equals(incidentId)).findFirst().orElseThrow();
            Map<String, AnyValue> a = attrs(blocked.getAttributesList());
            assertEquals("MEDIUM", blocked.getSeverityText());
            assertEquals("MEDIUM", a.get("severity_text").getStringValue());
            assertEquals(13, blocked.getSeverityNumberValue());
            assertTrue(blocked.getTimeUnixNano() > 1_600_000_000_000_000_000L);
            assertTrue(a.get("ai_guard.blocked").getBoolValue());
            assertEquals("block", a.get("ai_guard.action").getStringValue());
            assertEquals(List.of("data-exfiltration"), strings(a.get("ai_guard.attack_categories")));
            assertEquals(List.of("pii"), strings(a.get("ai_guard.sds.categories")));
            assertEquals("TA0010", a.get("threat.tactic.id").getStringValue());
            assertEquals("T1567", a.get("threat.technique.id").getStringValue());
            assertEquals("api.openai.com", a.get("egressguard.target.host").getStringValue());
            assertTrue(a.get("egressguard.seq").getIntValue() > 0);
            assertEquals(36.0, a.get("egressguard.riskScore").getDoubleValue());
            assertTrue(blocked.getBody().getStringValue().contains(incidentId));

            LogRecord warned = logs.stream().filter(l -> "incident.opened".equals(attrs(l.getAttributesList())
                    .get("egressguard.type").getStringValue()) && "warn".equals(attrs(l.getAttributesList())
                    .get("ai_guard.action").getStringValue())).findFirst().orElseThrow();
            assertEquals("HIGH", warned.getSeverityText());
            assertEquals(List.of("data-exfiltration", "prompt-injection"),
                    strings(attrs(warned.getAttributesList()).get("ai_guard.attack_categories")));

            LogRecord monitored = logs.stream().filter(l -> "incident.opened".equals(attrs(l.getAttributesList())
                    .get("egressguard.type").getStringValue()) && !attrs(l.getAttributesList())
                    .get("egressguard.enforced").getBoolValue()).findFirst().orElseThrow();
            assertEquals("CRITICAL", monitored.getSeverityText(), "a monitor-mode block went out with pii");
            assertTrue(!attrs(monitored.getAttributesList()).get("ai_guard.blocked").getBoolValue());

            LogRecord allowed = logs.stream().filter(l -> "allow".equals(attrs(l.getAttributesList())
                    .get("ai_guard.action").getStringValue())).findFirst().orElseThrow();
            assertEquals("INFO", allowed.getSeverityText());
            assertTrue(!attrs(allowed.getAttributesList()).containsKey("threat.tactic.id"));
        }
    }

    @Test
    void stdoutGetsOneJsonLinePerDecisionAndIncident() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (EvidenceRecorder rec = EvidenceRecorder.open(dir.resolve("s.jsonl"), null, 1 << 20, "svc", Thread::new)) {
            Policy.Builder p = new Policy.Builder();
            p.exportStdout = true;
            rec.policyLoaded(p.build());
            rec.record(TestDecisions.allow(1));
            rec.record(TestDecisions.blockSsn(1));
        } finally {
            System.setOut(saved);
        }
        List<String> types = out.toString(StandardCharsets.UTF_8).lines()
                .map(l -> (String) Json.parseObject(l).get("type")).collect(Collectors.toList());
        assertEquals(List.of("decision", "decision", "incident.opened"), types);
    }
}
