package dev.egressguard.engine.export;

import dev.egressguard.engine.audit.RecordTime;
import dev.egressguard.engine.incident.Incident;
import dev.egressguard.engine.incident.IncidentLedger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report --html} (SPEC §10): one self-contained page (inline CSS and SVG, no scripts, no
 * external resources) that a security lead can read without knowing the CLI: headline numbers,
 * incidents over time, by severity, action, tool and pattern, and the latest incidents with
 * their masked previews.
 */
public final class HtmlReport {
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
    private static final Map<String, String> SEVERITY_COLOR = Map.of(
            "CRITICAL", "#b42318", "HIGH", "#e8590c", "MEDIUM", "#d4a106", "LOW", "#3b6fd8");
    private static final Map<String, String> SEVERITY_MEANING = Map.of(
            "CRITICAL", "sent out, with personal data or credentials",
            "HIGH", "sent out, other sensitive content",
            "MEDIUM", "blocked before it left",
            "LOW", "sent with the sensitive parts redacted");
    private static final int RECENT_ROWS = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC).withLocale(Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d HH:00").withZone(ZoneOffset.UTC).withLocale(Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).withLocale(Locale.ROOT);

    private HtmlReport() {
    }

    /**
     * @param source       the audit file the report was made from, as the reader should know it
     * @param verification the verifier's headline ({@code intact: N records} or {@code TAMPERED ...}), or null
     */
    public static String render(IncidentLedger ledger, String source, String verification, Instant generated) {
        List<Incident> all = ledger.all();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>egress-guard incident report</title>\n<style>").append(CSS).append("</style></head><body>\n");

        header(h, all, source, verification, generated);
        if (all.isEmpty()) {
            h.append("<section class=\"card\"><h2>No incidents</h2><p>Nothing in this audit trail was warned on, redacted or blocked.</p></section>\n");
        } else {
            headline(h, all);
            findings(h, ledger, all);
            h.append("<section class=\"card\"><h2>Incidents over time</h2>");
            timeline(h, all);
            h.append("</section>\n<div class=\"grid\">");
            barCard(h, "By severity", ledger.countBy(Incident::severity), true, 4);
            barCard(h, "By action", ledger.countBy(HtmlReport::actionLabel), false, 6);
            barCard(h, "By destination tool", ledger.countBy(Incident::toolLabel), false, 10);
            barCard(h, "By pattern found", patternCounts(all), false, 10);
            h.append("</div>\n");
            recent(h, all);
        }
        legend(h);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, List<Incident> all, String source, String verification, Instant generated) {
        h.append("<header><div><h1>egress-guard incident report</h1><p class=\"sub\">");
        if (!all.isEmpty()) {
            h.append(esc(stamp(all.get(0).time()))).append(" &ndash; ").append(esc(stamp(all.get(all.size() - 1).lastSeen())))
                    .append(" &middot; ");
        }
        h.append("from <code>").append(esc(source)).append("</code> &middot; generated ").append(esc(STAMP.format(generated)))
                .append("</p></div>");
        if (verification != null) {
            boolean intact = verification.startsWith("intact");
            boolean tampered = verification.startsWith("TAMPERED");
            h.append("<div class=\"chain ").append(intact ? "ok" : tampered ? "bad" : "unknown").append("\"><b>")
                    .append(intact ? "Audit trail intact" : tampered ? "Audit trail TAMPERED" : "Audit trail not verified")
                    .append("</b><br><span>").append(esc(verification)).append("</span></div>");
        }
        h.append("</header>\n");
    }

    private static String stamp(String recordTime) {
        long ms = RecordTime.parse(recordTime);
        return ms < 0 ? String.valueOf(recordTime) : STAMP.format(Instant.ofEpochMilli(ms));
    }

    private static void headline(StringBuilder h, List<Incident> all) {
        long critical = 0;
        long blocked = 0;
        long open = 0;
        long events = 0;
        java.util.Set<String> agents = new java.util.TreeSet<>();
        for (Incident i : all) {
            critical += "CRITICAL".equals(i.severity()) ? 1 : 0;
            blocked += "block".equals(i.action()) && i.enforced() ? 1 : 0;
            open += "open".equals(i.status()) ? 1 : 0;
            events += i.count();
            agents.add(String.valueOf(i.agentId()));
        }
        h.append("<section class=\"tiles\">");
        tile(h, String.valueOf(all.size()), "incidents", events + " requests or commands in all", "");
        tile(h, String.valueOf(critical), "critical", "sensitive data that was sent out", critical > 0 ? "crit" : "");
        tile(h, String.valueOf(blocked), "blocked", "stopped before leaving the JVM", "good");
        tile(h, String.valueOf(open), "awaiting triage", "status still open", open > 0 ? "warn" : "");
        tile(h, String.valueOf(agents.size()), agents.size() == 1 ? "service" : "services", "distinct agent ids", "");
        h.append("</section>\n");
    }

    /** The few sentences a reader takes away, in plain words. */
    private static void findings(StringBuilder h, IncidentLedger ledger, List<Incident> all) {
        long critical = 0;
        long criticalOpen = 0;
        long blocked = 0;
        long redacted = 0;
        long monitor = 0;
        for (Incident i : all) {
            boolean crit = "CRITICAL".equals(i.severity());
            critical += crit ? 1 : 0;
            criticalOpen += crit && "open".equals(i.status()) ? 1 : 0;
            blocked += "block".equals(i.action()) && i.enforced() ? 1 : 0;
            redacted += "redact".equals(i.action()) && i.enforced() ? 1 : 0;
            monitor += !i.enforced() && ("block".equals(i.action()) || "redact".equals(i.action())) ? 1 : 0;
        }
        h.append("<section class=\"card findings\"><h2>Key findings</h2><ul>");
        if (critical > 0) {
            h.append("<li><b class=\"crit\">").append(critical).append(critical == 1 ? " incident" : " incidents")
                    .append(" let personal data or credentials leave</b> (CRITICAL); ").append(criticalOpen)
                    .append(" of them still ").append(criticalOpen == 1 ? "needs" : "need").append(" triage.</li>");
        } else {
            h.append("<li>No personal data or credentials were sent out unprotected.</li>");
        }
        h.append("<li>").append(blocked).append(" blocked before leaving the JVM; ").append(redacted)
                .append(" sent with the sensitive parts redacted.</li>");
        Map.Entry<String, Long> tool = first(ledger.countBy(Incident::toolLabel));
        Map.Entry<String, Long> pattern = first(patternCounts(all));
        if (tool != null && pattern != null) {
            h.append("<li>Most incidents went to <b>").append(esc(tool.getKey())).append("</b> (").append(tool.getValue())
                    .append("); the most frequent finding was <b>").append(esc(pattern.getKey())).append("</b> (")
                    .append(pattern.getValue()).append(").</li>");
        }
        if (monitor > 0) {
            h.append("<li>").append(monitor).append(monitor == 1 ? " incident" : " incidents")
                    .append(" happened in monitor mode: egress-guard would have blocked or redacted, but let it through.</li>");
        }
        h.append("</ul></section>\n");
    }

    private static Map.Entry<String, Long> first(Map<String, Long> counts) {
        return counts.isEmpty() ? null : counts.entrySet().iterator().next();
    }

    private static void tile(StringBuilder h, String number, String label, String hint, String cls) {
        h.append("<div class=\"tile ").append(cls).append("\"><div class=\"num\">").append(esc(number))
                .append("</div><div class=\"lbl\">").append(esc(label)).append("</div><div class=\"hint\">")
                .append(esc(hint)).append("</div></div>");
    }

    private static String actionLabel(Incident i) {
        String a = i.action() == null ? "unknown" : i.action();
        switch (a) {
            case "block": return i.enforced() ? "blocked" : "block (monitor mode, sent)";
            case "redact": return i.enforced() ? "redacted" : "redact (monitor mode, sent)";
            case "warn": return "warned (sent)";
            default: return a;
        }
    }

    private static Map<String, Long> patternCounts(List<Incident> all) {
        Map<String, Long> m = new TreeMap<>();
        for (Incident i : all) {
            for (String p : i.patternTypes()) {
                m.merge(p, 1L, Long::sum);
            }
            if (i.patternTypes().isEmpty()) {
                m.merge("(rule or destination only)", 1L, Long::sum);
            }
        }
        return IncidentLedgerSort.byCount(m);
    }

    /** Stacked bars by severity, per hour when the incidents span at most two days, else per day. */
    private static void timeline(StringBuilder h, List<Incident> all) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Incident i : all) {
            long t = RecordTime.parse(i.time());
            if (t >= 0) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        if (first == Long.MAX_VALUE) {
            h.append("<p>No timestamps.</p>");
            return;
        }
        boolean hourly = last - first <= 2L * 24 * 3600 * 1000;
        ChronoUnit unit = hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant start = Instant.ofEpochMilli(first).truncatedTo(unit);
        Instant end = Instant.ofEpochMilli(last).truncatedTo(unit);
        int buckets = (int) Math.min(400, unit.between(start, end) + 1);
        long[][] counts = new long[buckets][SEVERITIES.length];
        for (Incident i : all) {
            long t = RecordTime.parse(i.time());
            if (t < 0) {
                continue;
            }
            int b = (int) Math.min(buckets - 1, unit.between(start, Instant.ofEpochMilli(t).truncatedTo(unit)));
            counts[b][severityIndex(i.severity())]++;
        }
        long max = 1;
        for (long[] c : counts) {
            long sum = 0;
            for (long v : c) {
                sum += v;
            }
            max = Math.max(max, sum);
        }
        int width = 1100;
        int height = 220;
        int left = 44;
        int bottom = 34;
        int plotW = width - left - 10;
        int plotH = height - bottom - 12;
        double bw = (double) plotW / buckets;
        h.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"incidents per ").append(hourly ? "hour" : "day").append("\">");
        long step = niceStep(max);
        for (long y = 0; y <= max; y += step) {
            double py = 12 + plotH - (double) y / max * plotH;
            h.append("<line x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"").append(fmt(py))
                    .append("\" y2=\"").append(fmt(py)).append("\" class=\"gl\"/>");
            h.append("<text x=\"").append(left - 6).append("\" y=\"").append(fmt(py + 4)).append("\" class=\"axis\" text-anchor=\"end\">")
                    .append(y).append("</text>");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(buckets / 12.0));
        for (int b = 0; b < buckets; b++) {
            double x = left + b * bw;
            double y = 12 + plotH;
            for (int s = SEVERITIES.length - 1; s >= 0; s--) {
                long v = counts[b][s];
                if (v == 0) {
                    continue;
                }
                double hh = (double) v / max * plotH;
                y -= hh;
                h.append("<rect x=\"").append(fmt(x + bw * 0.12)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                        .append(fmt(Math.max(1, bw * 0.76))).append("\" height=\"").append(fmt(hh)).append("\" fill=\"")
                        .append(SEVERITY_COLOR.get(SEVERITIES[s])).append("\"><title>")
                        .append(esc(label(start, unit, b, hourly))).append(": ").append(v).append(' ')
                        .append(SEVERITIES[s]).append("</title></rect>");
            }
            if (b % labelEvery == 0) {
                h.append("<text x=\"").append(fmt(x + bw / 2)).append("\" y=\"").append(height - 12)
                        .append("\" class=\"axis\" text-anchor=\"middle\">").append(esc(label(start, unit, b, hourly))).append("</text>");
            }
        }
        h.append("</svg><div class=\"keys\">");
        for (String s : SEVERITIES) {
            h.append("<span><i style=\"background:").append(SEVERITY_COLOR.get(s)).append("\"></i>").append(s).append("</span>");
        }
        h.append("<span class=\"muted\">per ").append(hourly ? "hour" : "day").append(", UTC</span></div>");
    }

    private static String label(Instant start, ChronoUnit unit, int b, boolean hourly) {
        Instant t = start.plus(b, unit);
        return hourly ? HOUR.format(t) : DAY.format(t);
    }

    /** Gridline spacing of 1, 2 or 5 times a power of ten, at most about five lines. */
    private static long niceStep(long max) {
        for (long p = 1; ; p *= 10) {
            for (long k : new long[] {1, 2, 5}) {
                if (max / (k * p) <= 5) {
                    return k * p;
                }
            }
        }
    }

    private static int severityIndex(String s) {
        for (int i = 0; i < SEVERITIES.length; i++) {
            if (SEVERITIES[i].equals(s)) {
                return i;
            }
        }
        return 1;
    }

    private static void barCard(StringBuilder h, String title, Map<String, Long> counts, boolean severityColors, int top) {
        h.append("<section class=\"card\"><h2>").append(esc(title)).append("</h2>");
        Map<String, Long> shown = new LinkedHashMap<>();
        long other = 0;
        if (severityColors) {
            for (String s : SEVERITIES) {
                shown.put(s, counts.getOrDefault(s, 0L));
            }
        } else {
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                if (shown.size() < top) {
                    shown.put(e.getKey(), e.getValue());
                } else {
                    other += e.getValue();
                }
            }
            if (other > 0) {
                shown.put("other", other);
            }
        }
        long max = 1;
        for (long v : shown.values()) {
            max = Math.max(max, v);
        }
        int row = 26;
        int width = 520;
        int labelW = 190;
        int barMax = width - labelW - 60;
        h.append("<svg class=\"bars\" viewBox=\"0 0 ").append(width).append(' ').append(shown.size() * row + 4)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        int y = 2;
        for (Map.Entry<String, Long> e : shown.entrySet()) {
            double w = e.getValue() == 0 ? 0 : Math.max(2, (double) e.getValue() / max * barMax);
            String color = severityColors ? SEVERITY_COLOR.get(e.getKey()) : "#475467";
            String name = e.getKey().length() > 28 ? e.getKey().substring(0, 27) + "\u2026" : e.getKey();
            h.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\" class=\"lbl\">")
                    .append(esc(name)).append("</text>");
            h.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(row - 8).append("\" rx=\"3\" fill=\"").append(color).append("\"/>");
            h.append("<text x=\"").append(fmt(labelW + w + 6)).append("\" y=\"").append(y + 17).append("\" class=\"val\">")
                    .append(e.getValue()).append("</text>");
            y += row;
        }
        h.append("</svg></section>");
    }

    private static void recent(StringBuilder h, List<Incident> all) {
        List<Incident> rows = new ArrayList<>(all.subList(Math.max(0, all.size() - RECENT_ROWS), all.size()));
        java.util.Collections.reverse(rows);
        h.append("<section class=\"card\" id=\"latest\"><h2>Latest incidents</h2><p class=\"muted\">Newest first")
                .append(all.size() > RECENT_ROWS ? "; the " + RECENT_ROWS + " most recent of " + all.size() : "")
                .append(". Previews show the start of what was sent, with every detected value masked.</p>")
                .append("<table><thead><tr><th>When (UTC)</th><th>Severity</th><th>Outcome</th><th>Status</th>")
                .append("<th>Service</th><th>Destination</th><th>Found</th><th>Preview</th></tr></thead><tbody>");
        for (Incident i : rows) {
            String sev = i.severity() == null ? "HIGH" : i.severity();
            h.append("<tr><td class=\"nowrap\">").append(esc(stamp(i.time()).replace(" UTC", "")));
            if (i.count() > 1) {
                h.append("<div class=\"muted\">&times;").append(i.count()).append(", last ")
                        .append(esc(stamp(i.lastSeen()).replace(" UTC", ""))).append("</div>");
            }
            h.append("</td><td><span class=\"sev\" style=\"background:").append(SEVERITY_COLOR.getOrDefault(sev, "#475467"))
                    .append("\">").append(esc(sev)).append("</span></td><td>").append(esc(actionLabel(i)))
                    .append("</td><td>").append(esc(i.status().replace('_', ' '))).append("</td><td>").append(esc(i.agentId()))
                    .append("</td><td><b>").append(esc(i.toolLabel())).append("</b><div class=\"url\">")
                    .append(esc(shorten(i.where(), 90))).append("</div></td><td>")
                    .append(esc(String.join(", ", i.patternTypes()))).append("</td><td><div class=\"preview\">")
                    .append(esc(shorten(i.preview() == null ? "" : i.preview(), 220))).append("</div><div class=\"id\">")
                    .append(esc(i.id())).append("</div></td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void legend(StringBuilder h) {
        h.append("<footer id=\"how-to-read\"><h2>How to read this report</h2><ul>");
        for (String s : SEVERITIES) {
            h.append("<li><span class=\"sev\" style=\"background:").append(SEVERITY_COLOR.get(s)).append("\">").append(s)
                    .append("</span> ").append(esc(SEVERITY_MEANING.get(s))).append("</li>");
        }
        h.append("</ul><p>An incident is opened when egress-guard warns on, redacts or blocks an outbound request or command; ")
                .append("the same content sent again to the same place counts as a repeat of it. Raw sensitive values are never ")
                .append("stored: previews, URLs and commands are masked before they are written. Triage with ")
                .append("<code>java -jar egress-guard-agent.jar incidents ack|resolve|false-positive ID</code>; check the trail with ")
                .append("<code>audit verify</code>.</p></footer>");
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** HTML-escapes text and attribute values; previews and URLs are untrusted. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    /** Sorting helper shared with the ledger's order: most frequent first, then by name. */
    private static final class IncidentLedgerSort {
        static Map<String, Long> byCount(Map<String, Long> counts) {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
            entries.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                    : Long.compare(b.getValue(), a.getValue()));
            Map<String, Long> out = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : entries) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }
    }

    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{margin:0;padding:28px 36px;background:#f4f5f7;color:#1d2939;font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}",
            "header{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;margin-bottom:20px}",
            "h1{margin:0;font-size:26px;letter-spacing:-.3px}",
            "h2{margin:0 0 12px;font-size:15px;color:#344054;text-transform:uppercase;letter-spacing:.6px}",
            ".sub{margin:4px 0 0;color:#667085}",
            "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;background:#eaecf0;padding:1px 5px;border-radius:4px}",
            ".chain{padding:10px 14px;border-radius:8px;font-size:13px;max-width:440px}",
            ".chain.ok{background:#e7f6ec;color:#05603a;border:1px solid #a6e1bd}",
            ".chain.unknown{background:#f2f4f7;color:#344054;border:1px solid #d0d5dd}",
            ".chain.bad{background:#fdecea;color:#912018;border:1px solid #f4b4ac}",
            ".tiles{display:grid;grid-template-columns:repeat(5,1fr);gap:14px;margin-bottom:16px}",
            ".tile{background:#fff;border-radius:10px;padding:16px 18px;border:1px solid #e4e7ec;border-top:4px solid #98a2b3}",
            ".tile.crit{border-top-color:#b42318}.tile.crit .num{color:#b42318}",
            ".tile.warn{border-top-color:#e8590c}.tile.good{border-top-color:#12b76a}",
            ".num{font-size:34px;font-weight:700;line-height:1.1}",
            ".lbl{font-weight:600;margin-top:2px}.hint{color:#667085;font-size:12.5px}",
            ".card{background:#fff;border-radius:10px;padding:18px 20px;border:1px solid #e4e7ec;margin-bottom:16px}",
            ".grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}.grid .card{margin-bottom:0}",
            ".grid{margin-bottom:16px}",
            "svg{display:block;width:100%;height:auto}",
            "svg .gl{stroke:#eaecf0;stroke-width:1}svg .axis{fill:#667085;font-size:11px}",
            "svg .lbl{fill:#344054;font-size:13px}svg .val{fill:#344054;font-size:12px;font-weight:600}",
            ".keys{display:flex;gap:18px;margin-top:6px;font-size:12.5px;color:#344054}",
            ".keys i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}",
            ".muted{color:#667085;font-size:12.5px}",
            "table{width:100%;border-collapse:collapse;font-size:13px}",
            "th{text-align:left;color:#475467;font-weight:600;border-bottom:2px solid #e4e7ec;padding:8px 8px}",
            "td{border-bottom:1px solid #eaecf0;padding:8px 8px;vertical-align:top}",
            "tr:nth-child(even) td{background:#fafbfc}",
            ".nowrap{white-space:nowrap}",
            ".sev{display:inline-block;color:#fff;font-weight:700;font-size:11px;padding:2px 7px;border-radius:10px;letter-spacing:.4px}",
            ".url{color:#667085;font-size:12px;word-break:break-all}",
            ".preview{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:pre-wrap;word-break:break-word;max-width:420px}",
            ".id{color:#98a2b3;font-size:11px;font-family:ui-monospace,Menlo,Consolas,monospace}",
            ".findings ul{margin:0;padding-left:20px}.findings li{margin:3px 0;font-size:14.5px}.findings .crit{color:#b42318}",
            "footer{color:#475467;font-size:13px;padding:4px 4px 20px}footer ul{list-style:none;padding:0}footer li{margin:4px 0}",
            "@media print{body{background:#fff;padding:0}.card,.tile{break-inside:avoid}}");
}
