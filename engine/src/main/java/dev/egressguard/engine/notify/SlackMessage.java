package dev.egressguard.engine.notify;

import dev.egressguard.engine.audit.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Slack-compatible incoming-webhook body: {@code {"text": ..., "egressGuard": {incident}}} (SPEC §9). */
public final class SlackMessage {
    private SlackMessage() {
    }

    public static byte[] body(Map<String, Object> incident) {
        Map<String, Object> m = new TreeMap<>();
        m.put("text", text(incident));
        m.put("egressGuard", incident);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    /** One line a person reads in a channel: what happened, where, what was found, how bad, which incident. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> incident) {
        String action = String.valueOf(incident.get("action"));
        boolean enforced = Boolean.TRUE.equals(incident.get("enforced"));
        String verb;
        switch (action) {
            case "block": verb = enforced ? "blocked" : "would have blocked (monitor mode; it was sent)"; break;
            case "redact": verb = enforced ? "redacted" : "would have redacted (monitor mode; it was sent)"; break;
            case "warn": verb = "warned on (it was sent)"; break;
            default: verb = action;
        }
        Map<String, Object> target = incident.get("target") instanceof Map ? (Map<String, Object>) incident.get("target") : Map.of();
        Object where = target.get("url") != null ? target.get("url") : incident.get("command");
        StringBuilder sb = new StringBuilder();
        sb.append("egress-guard ").append(verb).append(' ').append(where == null ? "an egress" : where);
        StringBuilder found = new StringBuilder();
        if (incident.get("patterns") instanceof List) {
            for (Object o : (List<Object>) incident.get("patterns")) {
                Map<String, Object> p = (Map<String, Object>) o;
                if (found.length() > 0) {
                    found.append(", ");
                }
                found.append(p.get("type")).append(" x").append(p.get("count"));
            }
        }
        if (found.length() > 0) {
            sb.append(" | found: ").append(found);
        }
        if (incident.get("reason") != null) {
            sb.append(" | ").append(incident.get("reason"));
        }
        sb.append(" | severity ").append(incident.get("severity"));
        if (target.get("tool") != null) {
            sb.append(" | tool ").append(target.get("tool"));
        }
        sb.append(" | agent ").append(incident.get("agentId"));
        sb.append(" [").append(incident.get("id")).append(']');
        return sb.toString();
    }
}
