package dev.egressguard.engine.export;

import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.audit.RecordTime;
import dev.egressguard.engine.incident.IncidentClassifier;
import dev.egressguard.engine.notify.SlackMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records as an OTLP/HTTP JSON {@code ExportLogsServiceRequest} (SPEC §9): one log record per
 * audit record, with the {@code ai_guard.*} and {@code threat.*} attributes SIEM rules key on,
 * and every record field as {@code egressguard.<field>} (nested fields dotted).
 */
public final class OtlpJson {
    private OtlpJson() {
    }

    public static String request(List<Map<String, Object>> records, Map<String, Object> resourceAttributes) {
        List<Object> logRecords = new ArrayList<>();
        for (Map<String, Object> r : records) {
            logRecords.add(logRecord(r));
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("name", "egress-guard");
        Map<String, Object> scopeLogs = new LinkedHashMap<>();
        scopeLogs.put("scope", scope);
        scopeLogs.put("logRecords", logRecords);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("attributes", attributes(resourceAttributes));
        Map<String, Object> resourceLogs = new LinkedHashMap<>();
        resourceLogs.put("resource", resource);
        resourceLogs.put("scopeLogs", List.of(scopeLogs));
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("resourceLogs", List.of(resourceLogs));
        return Json.write(req);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> logRecord(Map<String, Object> r) {
        String type = String.valueOf(r.get("type"));
        String action = r.get("action") == null ? null : String.valueOf(r.get("action"));
        boolean enforced = Boolean.TRUE.equals(r.get("enforced"));
        boolean incident = type.startsWith("incident.") || r.get("incidentId") != null;

        Set<String> sds = new TreeSet<>();
        boolean injection = false;
        if (r.get("sdsCategories") instanceof List) {
            for (Object o : (List<Object>) r.get("sdsCategories")) {
                sds.add(String.valueOf(o));
            }
        }
        for (String listKey : new String[] {"detections", "patterns"}) {
            if (r.get(listKey) instanceof List) {
                for (Object o : (List<Object>) r.get(listKey)) {
                    String t = String.valueOf(((Map<String, Object>) o).get("type"));
                    String c = IncidentClassifier.sdsCategory(t);
                    if (c.equals("pii") || c.equals("credentials") || c.equals("custom")) {
                        sds.add(c);
                    }
                    injection |= t.equals("PROMPT_INJECTION");
                }
            }
        }
        List<Object> attack = new ArrayList<>();
        if (r.get("attackCategories") instanceof List) {
            attack.addAll((List<Object>) r.get("attackCategories"));
        } else if (incident) {
            attack.add("data-exfiltration");
            if (injection) {
                attack.add("prompt-injection");
            }
        }
        String severity = r.get("severity") instanceof String ? (String) r.get("severity")
                : incident && action != null ? IncidentClassifier.severity(action, enforced, sds) : "INFO";

        Map<String, Object> attrs = new LinkedHashMap<>();
        // also as an attribute: SPEC §9 names it beside them, and some pipelines only map attributes
        attrs.put("severity_text", severity);
        attrs.put("ai_guard.blocked", "block".equals(action) && enforced);
        if (action != null) {
            attrs.put("ai_guard.action", action);
        }
        attrs.put("ai_guard.attack_categories", attack);
        attrs.put("ai_guard.sds.categories", new ArrayList<>(sds));
        if (incident) {
            Map<String, Object> mitre = r.get("mitre") instanceof Map ? (Map<String, Object>) r.get("mitre") : null;
            attrs.put("threat.tactic.id", IncidentClassifier.TACTIC_EXFILTRATION);
            attrs.put("threat.technique.id", mitre != null ? mitre.get("technique")
                    : IncidentClassifier.technique((String) r.get("kind"), (String) r.get("channel"),
                    (String) r.get("url"), (String) r.get("command")));
        }
        flatten("egressguard", r, attrs);

        long millis = RecordTime.parse(r.get("time"));
        Map<String, Object> lr = new LinkedHashMap<>();
        lr.put("timeUnixNano", Long.toString((millis < 0 ? System.currentTimeMillis() : millis) * 1_000_000L));
        lr.put("observedTimeUnixNano", Long.toString(System.currentTimeMillis() * 1_000_000L));
        lr.put("severityNumber", (long) severityNumber(severity));
        lr.put("severityText", severity);
        lr.put("body", Map.of("stringValue", body(r, type)));
        lr.put("attributes", attributes(attrs));
        return lr;
    }

    private static String body(Map<String, Object> r, String type) {
        if (type.equals("incident.opened")) {
            return SlackMessage.text(r);
        }
        StringBuilder sb = new StringBuilder("egress-guard ").append(type);
        for (String k : new String[] {"action", "id", "count", "status", "url", "command", "reason"}) {
            if (r.get(k) != null) {
                sb.append(' ').append(k).append('=').append(r.get(k));
            }
        }
        return sb.toString();
    }

    /** OTLP SeverityNumber: CRITICAL as FATAL, HIGH as ERROR, MEDIUM as WARN, LOW and INFO as INFO levels. */
    static int severityNumber(String severity) {
        switch (severity) {
            case "CRITICAL": return 21;
            case "HIGH": return 17;
            case "MEDIUM": return 13;
            case "LOW": return 10;
            default: return 9;
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> m, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = prefix + "." + e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Map) {
                flatten(key, (Map<String, Object>) v, out);
            } else {
                out.put(key, v);
            }
        }
    }

    static List<Object> attributes(Map<String, Object> attrs) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("key", e.getKey());
            kv.put("value", anyValue(e.getValue()));
            out.add(kv);
        }
        return out;
    }

    /** An OTLP AnyValue; int64 as a decimal string, as the OTLP JSON encoding requires. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> anyValue(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Boolean) {
            out.put("boolValue", v);
        } else if (v instanceof Long || v instanceof Integer) {
            out.put("intValue", String.valueOf(v));
        } else if (v instanceof Number) {
            out.put("doubleValue", ((Number) v).doubleValue());
        } else if (v instanceof List) {
            List<Object> values = new ArrayList<>();
            for (Object o : (List<Object>) v) {
                if (o != null) {
                    values.add(anyValue(o));
                }
            }
            out.put("arrayValue", Map.of("values", values));
        } else if (v instanceof Map) {
            Map<String, Object> nonNull = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                if (e.getValue() != null) {
                    nonNull.put(e.getKey(), e.getValue());
                }
            }
            out.put("kvlistValue", Map.of("values", attributes(nonNull)));
        } else {
            out.put("stringValue", String.valueOf(v));
        }
        return out;
    }
}
