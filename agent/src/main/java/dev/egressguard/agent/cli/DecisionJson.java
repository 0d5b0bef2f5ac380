package dev.egressguard.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.nio.charset.StandardCharsets;

/** A decision as the CLI prints it (SPEC §10 "A JSON decision has"). Never holds a raw detected value. */
final class DecisionJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private DecisionJson() {
    }

    static ObjectNode of(Decision d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("action", d.action().wireName());
        n.put("enforced", d.enforced());
        n.put("reason", d.reason());
        n.put("riskScore", Math.round(d.riskScore() * 10) / 10.0);
        if (d.rule() != null) {
            n.put("rule", d.rule());
        }
        Target t = d.target();
        if (t != null) {
            ObjectNode tn = n.putObject("target");
            tn.put("url", t.url());
            tn.put("host", t.host());
            tn.put("tool", t.tool());
            tn.put("name", t.name());
            tn.put("category", t.category());
            tn.put("riskLevel", t.riskLevel().wireName());
            tn.put("internal", t.internal());
        } else {
            n.putNull("target");
        }
        if (d.command() != null) {
            n.put("command", d.command());
        }
        ArrayNode dets = n.putArray("detections");
        for (Detection det : d.detections()) {
            ObjectNode dn = dets.addObject();
            dn.put("type", det.type().name());
            dn.put("start", det.start());
            dn.put("end", det.end());
            dn.put("confidence", det.confidence());
            dn.put("location", det.location());
            dn.put("encoding", det.encoding());
        }
        ArrayNode w = n.putArray("warnings");
        d.warnings().forEach(w::add);
        if (d.action() == Action.REDACT) {
            if (d.sanitizedBody() != null) {
                n.put("sanitized", new String(d.sanitizedBody(), StandardCharsets.UTF_8));
            } else if (d.sanitizedArgv() != null) {
                ArrayNode a = n.putArray("sanitized");
                d.sanitizedArgv().forEach(a::add);
            }
        }
        return n;
    }

    /** The one-line human form: {@code BLOCK  SSN detected in request body to ... (score 34.2)}. */
    static String line(Decision d) {
        StringBuilder b = new StringBuilder();
        b.append(d.action().name());
        if (!d.enforced()) {
            b.append(" (monitor: not enforced)");
        }
        b.append(": ").append(d.reason());
        if (d.riskScore() > 0) {
            b.append(" [risk score ").append(Math.round(d.riskScore() * 10) / 10.0).append(']');
        }
        return b.toString();
    }
}
