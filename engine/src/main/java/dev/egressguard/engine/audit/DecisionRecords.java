package dev.egressguard.engine.audit;

import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code decision} record of SPEC §8, built from a {@link Decision} (already masked by the engine). */
public final class DecisionRecords {
    private DecisionRecords() {
    }

    /** The fields every record starts with; the log adds seq, prevHash and hash. */
    public static Map<String, Object> header(String type, long epochMillis, String agentId, long pid) {
        Map<String, Object> r = new TreeMap<>();
        r.put("type", type);
        r.put("time", RecordTime.format(epochMillis));
        r.put("agentId", agentId);
        r.put("pid", pid);
        return r;
    }

    public static Map<String, Object> decision(Decision d, String agentId, long pid, long epochMillis, String incidentId) {
        Map<String, Object> r = header("decision", epochMillis, agentId, pid);
        Target t = d.target();
        r.put("kind", d.kind() == null ? null : d.kind().wireName());
        r.put("channel", d.channel());
        r.put("method", d.method());
        r.put("url", t == null ? null : t.url());
        r.put("host", t == null ? null : t.host());
        r.put("tool", t == null ? null : t.tool());
        r.put("category", t == null ? null : t.category());
        r.put("riskLevel", t == null || t.riskLevel() == null ? null : t.riskLevel().wireName());
        r.put("action", d.action().wireName());
        r.put("enforced", d.enforced());
        r.put("reason", d.reason());
        r.put("rule", d.rule());
        r.put("riskScore", Json.round(d.riskScore()));
        r.put("detections", aggregate(d.detections()));
        r.put("contentSha256", d.contentSha256());
        r.put("contentBytes", d.contentBytes());
        r.put("incidentId", incidentId);
        r.put("command", d.command());
        r.put("micros", d.micros());
        if (!d.warnings().isEmpty()) {
            // what was not inspected, and why (one-shot bodies, stdin payloads): part of the evidence
            r.put("warnings", d.warnings());
        }
        return r;
    }

    /** One entry per type, location and encoding: how many, and the highest confidence. */
    public static List<Map<String, Object>> aggregate(List<Detection> detections) {
        Map<String, Map<String, Object>> byKey = new TreeMap<>();
        for (Detection det : detections) {
            String key = det.type().name() + '\u0000' + det.location() + '\u0000' + det.encoding();
            Map<String, Object> e = byKey.get(key);
            if (e == null) {
                e = new TreeMap<>();
                e.put("type", det.type().name());
                e.put("location", det.location());
                e.put("encoding", det.encoding());
                e.put("count", 0L);
                e.put("confidence", 0.0);
                byKey.put(key, e);
            }
            e.put("count", (Long) e.get("count") + 1);
            e.put("confidence", Math.max((Double) e.get("confidence"), Json.round(det.confidence())));
        }
        return new ArrayList<>(byKey.values());
    }
}
