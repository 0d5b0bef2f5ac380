package dev.egressguard.engine;

import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The answer of {@link EgressGuard#checkExfiltration} (SPEC §11). Immutable. */
public final class CheckResult {
    private final Decision decision;
    private final String incidentId;

    CheckResult(Decision decision, String incidentId) {
        this.decision = decision;
        this.incidentId = incidentId;
    }

    public Action action() { return decision.action(); }
    public String reason() { return decision.reason(); }
    public double riskScore() { return decision.riskScore(); }
    public List<String> warnings() { return decision.warnings(); }
    public List<Detection> detections() { return decision.detections(); }
    public Target target() { return decision.target(); }
    /** False when the policy is in monitor mode: the action is what would have happened. */
    public boolean enforced() { return decision.enforced(); }

    /** The redacted prompt when the action is REDACT; else null. */
    public String sanitizedPrompt() {
        byte[] b = decision.sanitizedBody();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** The incident opened or repeated, when the guard records and there was one; else null. */
    public String incidentId() { return incidentId; }

    /** The full decision, as the agent and the CLI see it. */
    public Decision decision() { return decision; }

    @Override
    public String toString() {
        return action() + ": " + reason();
    }
}
