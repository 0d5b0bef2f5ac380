package dev.egressguard.engine.incident;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One incident as the trail tells it: its {@code incident.opened} record, its repeats and its status changes. */
public final class Incident {
    private final Map<String, Object> opened;
    private String status = "open";
    private long count = 1;
    private String lastSeen;
    private final List<Map<String, Object>> history = new ArrayList<>();

    Incident(Map<String, Object> opened) {
        this.opened = opened;
        this.lastSeen = (String) opened.get("time");
    }

    void repeated(Map<String, Object> r) {
        count++;
        lastSeen = (String) r.get("time");
    }

    void status(Map<String, Object> r) {
        status = String.valueOf(r.get("status"));
        history.add(r);
    }

    public String id() { return (String) opened.get("id"); }
    public String time() { return (String) opened.get("time"); }
    public String lastSeen() { return lastSeen; }
    public String status() { return status; }
    public long count() { return count; }
    public String severity() { return str("severity"); }
    public String action() { return str("action"); }
    public boolean enforced() { return Boolean.TRUE.equals(opened.get("enforced")); }
    public String agentId() { return str("agentId"); }
    public String reason() { return str("reason"); }
    public String preview() { return str("promptPreview"); }
    public double riskScore() { return opened.get("riskScore") instanceof Number ? ((Number) opened.get("riskScore")).doubleValue() : 0; }

    @SuppressWarnings("unchecked")
    public Map<String, Object> target() {
        return opened.get("target") instanceof Map ? (Map<String, Object>) opened.get("target") : Map.of();
    }

    /** The registry tool, else the host, else the command's first word; never null. */
    public String toolLabel() {
        Object tool = target().get("tool");
        if (tool != null) {
            return tool.toString();
        }
        Object host = target().get("host");
        if (host != null) {
            return host.toString();
        }
        String cmd = str("command");
        return cmd == null || cmd.isBlank() ? "unknown" : cmd.trim().split("\\s+")[0];
    }

    public String riskLevel() {
        Object r = target().get("riskLevel");
        return r == null ? "unknown" : r.toString();
    }

    /** Where it was going: the URL, or the command line. */
    public String where() {
        Object url = target().get("url");
        return url != null ? url.toString() : str("command") == null ? "" : str("command");
    }

    @SuppressWarnings("unchecked")
    public List<String> patternTypes() {
        List<String> out = new ArrayList<>();
        if (opened.get("patterns") instanceof List) {
            for (Object o : (List<Object>) opened.get("patterns")) {
                out.add(String.valueOf(((Map<String, Object>) o).get("type")));
            }
        }
        return out;
    }

    public List<Map<String, Object>> history() {
        return Collections.unmodifiableList(history);
    }

    public Map<String, Object> openedRecord() {
        return Collections.unmodifiableMap(opened);
    }

    /** The incident with its current state, as {@code incidents show --json} and the list print it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>(opened);
        for (String k : new String[] {"seq", "prevHash", "hash", "type", "incidentId"}) {
            m.remove(k);
        }
        m.put("status", status);
        m.put("count", count);
        m.put("lastSeen", lastSeen);
        if (!history.isEmpty()) {
            List<Map<String, Object>> h = new ArrayList<>();
            for (Map<String, Object> r : history) {
                Map<String, Object> e = new TreeMap<>();
                e.put("time", r.get("time"));
                e.put("status", r.get("status"));
                e.put("note", r.get("note"));
                e.put("by", r.get("by"));
                h.add(e);
            }
            m.put("statusHistory", h);
        }
        return m;
    }

    private String str(String k) {
        Object v = opened.get(k);
        return v == null ? null : v.toString();
    }
}
