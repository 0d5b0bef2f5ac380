package dev.egressguard.engine.audit;

import dev.egressguard.config.Endpoint;
import dev.egressguard.config.EndpointCategory;
import dev.egressguard.config.PatternType;
import dev.egressguard.config.RiskLevel;
import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decisions as the engine would hand them over: masked URL and preview, digests instead of values. */
public final class TestDecisions {
    public static final Endpoint OPENAI = new Endpoint("openai", "OpenAI API", EndpointCategory.API,
            List.of("api.openai.com"), List.of(), RiskLevel.HIGH, "", null);
    public static final Endpoint PASTEBIN = new Endpoint("pastebin", "Pastebin", EndpointCategory.EXFIL,
            List.of("pastebin.com"), List.of(), RiskLevel.CRITICAL, "", null);

    private TestDecisions() {
    }

    public static Detection detection(PatternType type, int start, int end) {
        return new Detection(type, start, end, 0.95, "body", "plain", null, "vid" + start, false, null);
    }

    public static Decision.Builder base(Endpoint endpoint, String path) {
        Decision.Builder b = new Decision.Builder();
        b.kind = RuleKind.NETWORK_REQUEST;
        b.channel = "jdk-httpclient";
        b.method = "POST";
        String host = endpoint.domains().get(0);
        b.target = new Target("https://" + host + path, host, endpoint, endpoint.riskLevel(), false);
        b.micros = 7;
        return b;
    }

    public static Decision allow(int i) {
        Decision.Builder b = base(OPENAI, "/v1/chat/completions");
        b.content = ("clean prompt " + i).getBytes(StandardCharsets.UTF_8);
        b.contentBytes = 4096;
        return b.build();
    }

    /** A blocked SSN; {@code variant} changes the content hash, so each variant is its own incident. */
    public static Decision blockSsn(int variant) {
        Decision.Builder b = base(OPENAI, "/v1/chat/completions");
        b.action = Action.BLOCK;
        b.reason = "SSN detected in request body to OpenAI API (high risk)";
        b.riskScore = 36.0;
        b.detections = List.of(detection(PatternType.SSN, 21, 32));
        b.content = ("ssn prompt " + variant).getBytes(StandardCharsets.UTF_8);
        b.contentBytes = 60;
        b.previewSource = () -> "my social is [REDACTED] please file it";
        return b.build();
    }

    public static Decision withAction(Decision d, Action action, boolean enforced) {
        Decision.Builder b = d.toBuilder();
        b.action = action;
        b.enforced = enforced;
        return b.build();
    }
}
