package dev.egressguard.engine.incident;

import dev.egressguard.engine.audit.DecisionRecords;
import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code incident.*} records of SPEC §8. Every one carries the incident id as {@code id} and {@code incidentId}. */
public final class IncidentRecords {
    /** Positions listed per pattern type; the count stays exact beyond it. */
    private static final int MAX_POSITIONS = 50;

    public static final List<String> STATUSES = List.of("open", "acknowledged", "resolved", "false_positive");

    private IncidentRecords() {
    }

    public static Map<String, Object> opened(Decision d, String id, String agentId, long pid, long epochMillis) {
        Map<String, Object> r = DecisionRecords.header("incident.opened", epochMillis, agentId, pid);
        Target t = d.target();
        r.put("id", id);
        r.put("incidentId", id);
        Map<String, Object> target = new TreeMap<>();
        target.put("url", t == null ? null : t.url());
        target.put("host", t == null ? null : t.host());
        target.put("tool", t == null ? null : t.tool());
        target.put("category", t == null ? null : t.category());
        target.put("riskLevel", t == null || t.riskLevel() == null ? null : t.riskLevel().wireName());
        r.put("target", target);
        r.put("patterns", patterns(d.detections()));
        r.put("riskScore", Json.round(d.riskScore()));
        r.put("action", d.action().wireName());
        r.put("enforced", d.enforced());
        r.put("reason", d.reason());
        r.put("kind", d.kind() == null ? null : d.kind().wireName());
        r.put("channel", d.channel());
        r.put("command", d.command());
        r.put("promptPreview", d.preview());
        r.put("promptHash", d.contentSha256());
        r.put("status", "open");
        r.put("severity", IncidentClassifier.severity(d));
        r.put("sdsCategories", new ArrayList<>(IncidentClassifier.sdsCategories(d.detections())));
        r.put("attackCategories", IncidentClassifier.attackCategories(d.detections()));
        Map<String, Object> mitre = new TreeMap<>();
        mitre.put("tactic", IncidentClassifier.TACTIC_EXFILTRATION);
        mitre.put("technique", IncidentClassifier.technique(d));
        r.put("mitre", mitre);
        r.put("count", 1L);
        return r;
    }

    public static Map<String, Object> repeated(Decision d, String id, long count, String agentId, long pid, long epochMillis) {
        Map<String, Object> r = DecisionRecords.header("incident.repeated", epochMillis, agentId, pid);
        r.put("id", id);
        r.put("incidentId", id);
        r.put("count", count);
        r.put("action", d.action().wireName());
        r.put("enforced", d.enforced());
        r.put("host", d.target() == null ? null : d.target().host());
        r.put("riskScore", Json.round(d.riskScore()));
        return r;
    }

    public static Map<String, Object> status(String id, String status, String previous, String note,
                                             String agentId, long pid, long epochMillis) {
        Map<String, Object> r = DecisionRecords.header("incident.status", epochMillis, agentId, pid);
        r.put("id", id);
        r.put("incidentId", id);
        r.put("status", status);
        r.put("previousStatus", previous);
        r.put("note", note);
        r.put("by", System.getProperty("user.name"));
        return r;
    }

    /** Per type: count, highest confidence and where (start/end in the location's text). */
    public static List<Map<String, Object>> patterns(List<Detection> detections) {
        Map<String, Map<String, Object>> byType = new TreeMap<>();
        for (Detection det : detections) {
            Map<String, Object> p = byType.get(det.type().name());
            if (p == null) {
                p = new TreeMap<>();
                p.put("type", det.type().name());
                p.put("count", 0L);
                p.put("confidence", 0.0);
                p.put("positions", new ArrayList<Map<String, Object>>());
                byType.put(det.type().name(), p);
            }
            p.put("count", (Long) p.get("count") + 1);
            p.put("confidence", Math.max((Double) p.get("confidence"), Json.round(det.confidence())));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> positions = (List<Map<String, Object>>) p.get("positions");
            if (positions.size() < MAX_POSITIONS) {
                Map<String, Object> pos = new TreeMap<>();
                pos.put("start", (long) det.start());
                pos.put("end", (long) det.end());
                pos.put("location", det.location());
                positions.add(pos);
            }
        }
        return new ArrayList<>(byType.values());
    }
}
