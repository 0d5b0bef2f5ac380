package dev.egressguard.engine.incident;

import dev.egressguard.engine.audit.AuditReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Every incident of a trail with its current status (SPEC §10 {@code incidents}), oldest first. */
public final class IncidentLedger {
    private final Map<String, Incident> byId = new LinkedHashMap<>();

    public static IncidentLedger load(Path audit) throws IOException {
        IncidentLedger ledger = new IncidentLedger();
        AuditReader.forEach(audit, e -> ledger.add(e.record()));
        return ledger;
    }

    public static IncidentLedger of(Collection<Map<String, Object>> records) {
        IncidentLedger ledger = new IncidentLedger();
        for (Map<String, Object> r : records) {
            ledger.add(r);
        }
        return ledger;
    }

    private void add(Map<String, Object> r) {
        Object type = r.get("type");
        Object id = r.get("id");
        if (!(id instanceof String)) {
            return;
        }
        if ("incident.opened".equals(type)) {
            byId.putIfAbsent((String) id, new Incident(r));
        } else if ("incident.repeated".equals(type)) {
            Incident i = byId.get(id);
            if (i != null) {
                i.repeated(r);
            }
        } else if ("incident.status".equals(type)) {
            Incident i = byId.get(id);
            if (i != null) {
                i.status(r);
            }
        }
    }

    public List<Incident> all() {
        return new ArrayList<>(byId.values());
    }

    public Incident find(String id) {
        return byId.get(id);
    }

    /** Counts by status, action, tool, risk level and severity, most frequent first. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("total", (long) byId.size());
        s.put("byStatus", countBy(Incident::status));
        s.put("byAction", countBy(i -> i.enforced() ? i.action() : i.action() + " (monitor)"));
        s.put("byTool", countBy(Incident::toolLabel));
        s.put("byRiskLevel", countBy(Incident::riskLevel));
        s.put("bySeverity", countBy(Incident::severity));
        Map<String, Long> patterns = new TreeMap<>();
        for (Incident i : byId.values()) {
            for (String p : i.patternTypes()) {
                patterns.merge(p, 1L, Long::sum);
            }
        }
        s.put("byPattern", sortByCount(patterns));
        return s;
    }

    public Map<String, Long> countBy(Function<Incident, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        for (Incident i : byId.values()) {
            String k = key.apply(i);
            counts.merge(k == null ? "unknown" : k, 1L, Long::sum);
        }
        return sortByCount(counts);
    }

    static Map<String, Long> sortByCount(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> b.getValue().compareTo(a.getValue()) != 0 ? b.getValue().compareTo(a.getValue())
                : a.getKey().compareTo(b.getKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : entries) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
