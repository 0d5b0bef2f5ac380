package dev.egressguard.agent.cli;

import dev.egressguard.engine.audit.AuditLog;
import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.incident.Incident;
import dev.egressguard.engine.incident.IncidentLedger;
import dev.egressguard.engine.incident.IncidentRecords;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code incidents list [--status S] [--json]}, {@code incidents show ID [--json]},
 * {@code incidents ack|resolve|false-positive ID [--note TEXT]}, {@code incidents summary [--json]} (SPEC §10).
 */
final class IncidentsCommand implements CliCommand {
    private static final String USAGE = "use: incidents list|show ID|ack ID|resolve ID|false-positive ID|summary";
    /** Large enough that a status change never rotates a trail by itself before the agent would. */
    private static final long MAX_BYTES = 104_857_600L;

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        List<String> words = args.positional();
        if (words.isEmpty()) {
            throw new UsageException("incidents needs a subcommand (" + USAGE + ")");
        }
        String sub = words.get(0);
        switch (sub) {
            case "list":
                args.allowOnly(Set.of("file", "status", "json", "key"));
                return list(args, out);
            case "show":
                args.allowOnly(Set.of("file", "json", "key"));
                return show(args, out);
            case "summary":
                args.allowOnly(Set.of("file", "json", "key"));
                return summary(args, out);
            case "ack":
            case "acknowledge":
                return setStatus(args, out, "acknowledged");
            case "resolve":
                return setStatus(args, out, "resolved");
            case "false-positive":
                return setStatus(args, out, "false_positive");
            default:
                throw new UsageException("unknown incidents subcommand '" + sub + "' (" + USAGE + ")");
        }
    }

    private static IncidentLedger ledger(Path file) throws UsageException {
        try {
            return IncidentLedger.load(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String status(String s) throws UsageException {
        String norm = s.toLowerCase(Locale.ROOT).replace('-', '_');
        if (norm.equals("ack") || norm.equals("acked")) {
            norm = "acknowledged";
        }
        if (!IncidentRecords.STATUSES.contains(norm)) {
            throw new UsageException("unknown status '" + s + "' (use open, acknowledged, resolved or false_positive)");
        }
        return norm;
    }

    private int list(CliArgs args, PrintStream out) throws UsageException {
        String wanted = args.option("status") == null ? null : status(args.option("status"));
        IncidentLedger ledger = ledger(TrailOptions.file(args));
        List<Incident> shown = new ArrayList<>();
        for (Incident i : ledger.all()) {
            if (wanted == null || wanted.equals(i.status())) {
                shown.add(i);
            }
        }
        if (args.flag("json")) {
            for (Incident i : shown) {
                out.println(Json.write(i.toMap()));
            }
            return 0;
        }
        out.printf("%-20s %-24s %-8s %-14s %-14s %5s  %-16s %-24s %s%n", "ID", "OPENED", "SEVERITY", "ACTION", "STATUS",
                "COUNT", "TOOL", "PATTERNS", "TARGET");
        for (Incident i : shown) {
            out.printf("%-20s %-24s %-8s %-14s %-14s %5d  %-16s %-24s %s%n", i.id(), i.time(), i.severity(),
                    i.enforced() ? i.action() : i.action() + " (monitor)", i.status(), i.count(), cut(i.toolLabel(), 16),
                    cut(String.join(",", i.patternTypes()), 24), cut(i.where(), 80));
        }
        out.println(shown.size() + " incident" + (shown.size() == 1 ? "" : "s"));
        return 0;
    }

    private static Incident find(IncidentLedger ledger, String id, Path file) throws UsageException {
        Incident i = ledger.find(id);
        if (i == null) {
            throw new UsageException("no incident " + id + " in " + file + " (see: incidents list)");
        }
        return i;
    }

    private static String idArg(CliArgs args, String sub) throws UsageException {
        if (args.positional().size() != 2) {
            throw new UsageException("incidents " + sub + " needs one incident id, e.g. incidents " + sub + " inc_3f9a0c12d4e5b6a7");
        }
        return args.positional().get(1);
    }

    @SuppressWarnings("unchecked")
    private int show(CliArgs args, PrintStream out) throws UsageException {
        String id = idArg(args, "show");
        Path file = TrailOptions.file(args);
        Incident i = find(ledger(file), id, file);
        Map<String, Object> m = i.toMap();
        if (args.flag("json")) {
            out.println(Json.write(m));
            return 0;
        }
        out.println("incident   " + i.id() + "  (" + i.status() + ")");
        out.println("severity   " + i.severity() + "   risk score " + m.get("riskScore"));
        out.println("action     " + i.action() + (i.enforced() ? "" : " (monitor mode: not enforced, it was sent)"));
        out.println("opened     " + i.time() + "   last seen " + i.lastSeen() + "   seen " + i.count() + "x");
        out.println("agent      " + i.agentId());
        out.println("target     " + i.where());
        Map<String, Object> t = i.target();
        out.println("tool       " + RecordTable.str(t.get("tool")) + "   category " + RecordTable.str(t.get("category"))
                + "   risk level " + RecordTable.str(t.get("riskLevel")));
        if (i.reason() != null) {
            out.println("reason     " + i.reason());
        }
        if (m.get("patterns") instanceof List) {
            for (Object o : (List<Object>) m.get("patterns")) {
                Map<String, Object> p = (Map<String, Object>) o;
                out.println("found      " + p.get("type") + " x" + p.get("count") + " (confidence " + p.get("confidence") + ")");
            }
        }
        out.println("categories sds " + m.get("sdsCategories") + ", attack " + m.get("attackCategories")
                + ", mitre " + m.get("mitre"));
        out.println("content    sha256 " + RecordTable.str(m.get("promptHash")));
        if (i.preview() != null) {
            out.println("preview    " + i.preview().replace("\n", "\n           "));
        }
        for (Map<String, Object> h : i.history()) {
            out.println("status     " + h.get("time") + " " + h.get("previousStatus") + " -> " + h.get("status")
                    + (h.get("by") != null ? " by " + h.get("by") : "") + (h.get("note") != null ? ": " + h.get("note") : ""));
        }
        return 0;
    }

    private int setStatus(CliArgs args, PrintStream out, String status) throws UsageException {
        args.allowOnly(Set.of("file", "note", "key"));
        String id = idArg(args, args.positional().get(0));
        Path file = TrailOptions.file(args);
        Incident i = find(ledger(file), id, file);
        String key = TrailOptions.key(args);
        String chain = AuditLog.chainOf(file);
        if ("hmac-sha256".equals(chain) && key == null) {
            throw new UsageException("the trail is keyed (HMAC-SHA256): pass --key K or set EGRESSGUARD_AUDIT_KEY to append to it");
        }
        if ("sha256".equals(chain) && key != null) {
            throw new UsageException("the trail is not keyed: drop --key (and EGRESSGUARD_AUDIT_KEY) to append to it");
        }
        Map<String, Object> record = IncidentRecords.status(id, status, i.status(), args.option("note"), "egress-guard-cli",
                ProcessHandle.current().pid(), System.currentTimeMillis());
        try {
            AuditLog log = AuditLog.open(file, key, MAX_BYTES, "egress-guard-cli");
            try {
                log.append(new ArrayList<>(List.of(record)));
            } finally {
                log.close();
            }
        } catch (IOException e) {
            throw new UsageException("cannot append to " + file + ": " + e.getMessage());
        }
        out.println(id + ": " + i.status() + " -> " + status + " (seq " + record.get("seq") + ")");
        return 0;
    }

    @SuppressWarnings("unchecked")
    private int summary(CliArgs args, PrintStream out) throws UsageException {
        Map<String, Object> s = ledger(TrailOptions.file(args)).summary();
        if (args.flag("json")) {
            out.println(Json.write(s));
            return 0;
        }
        out.println(s.get("total") + " incidents");
        String[][] sections = {{"byStatus", "status"}, {"bySeverity", "severity"}, {"byAction", "action"},
                {"byTool", "tool"}, {"byRiskLevel", "risk level"}, {"byPattern", "pattern"}};
        for (String[] sec : sections) {
            out.println();
            out.println("by " + sec[1] + ":");
            for (Map.Entry<String, Long> e : ((Map<String, Long>) s.get(sec[0])).entrySet()) {
                out.printf("  %-28s %6d%n", e.getKey(), e.getValue());
            }
        }
        return 0;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
