package dev.egressguard.agent.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The human table of {@code audit}: one line per record, newest last. */
final class RecordTable {
    private RecordTable() {
    }

    static void print(List<Map<String, Object>> records, PrintStream out) {
        out.printf("%-7s %-24s %-17s %-22s %-12s %s%n", "SEQ", "TIME", "TYPE", "AGENT", "ACTION", "DETAILS");
        for (Map<String, Object> r : records) {
            out.printf("%-7s %-24s %-17s %-22s %-12s %s%n", str(r.get("seq")), str(r.get("time")), str(r.get("type")),
                    cut(str(r.get("agentId")), 22), action(r), cut(details(r), 110));
        }
        out.println(records.size() + " record" + (records.size() == 1 ? "" : "s"));
    }

    private static String action(Map<String, Object> r) {
        Object a = r.get("action");
        if (a == null) {
            return r.get("status") != null ? str(r.get("status")) : "";
        }
        return Boolean.FALSE.equals(r.get("enforced")) ? a + "(mon)" : str(a);
    }

    @SuppressWarnings("unchecked")
    static String details(Map<String, Object> r) {
        String type = str(r.get("type"));
        StringBuilder sb = new StringBuilder();
        switch (type) {
            case "decision":
                sb.append(r.get("url") != null ? str(r.get("url")) : str(r.get("command")));
                if (r.get("detections") instanceof List && !((List<Object>) r.get("detections")).isEmpty()) {
                    sb.append(" [");
                    boolean first = true;
                    for (Object o : (List<Object>) r.get("detections")) {
                        Map<String, Object> d = (Map<String, Object>) o;
                        sb.append(first ? "" : ", ").append(d.get("type")).append('x').append(d.get("count"));
                        first = false;
                    }
                    sb.append(']');
                }
                if (r.get("incidentId") != null) {
                    sb.append(' ').append(r.get("incidentId"));
                }
                break;
            case "incident.opened":
                sb.append(r.get("id")).append(' ').append(r.get("severity")).append(' ').append(str(r.get("reason")));
                break;
            case "incident.repeated":
                sb.append(r.get("id")).append(" x").append(r.get("count"));
                break;
            case "incident.status":
                sb.append(r.get("id")).append(' ').append(r.get("previousStatus")).append(" -> ").append(r.get("status"));
                if (r.get("note") != null) {
                    sb.append(": ").append(r.get("note"));
                }
                break;
            case "policy.loaded":
                sb.append(r.get("name")).append(" from ").append(r.get("source")).append(", ").append(r.get("rules")).append(" rules");
                break;
            case "policy.rejected":
                sb.append(r.get("source")).append(": ").append(r.get("errors"));
                break;
            default:
                if (r.get("reason") != null) {
                    sb.append(r.get("reason"));
                }
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
