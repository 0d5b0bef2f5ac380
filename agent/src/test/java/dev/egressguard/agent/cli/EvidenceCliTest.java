package dev.egressguard.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.engine.audit.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCliTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().collect(Collectors.toList());
        }
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private TrailFixture trail(int n) throws Exception {
        return new TrailFixture(dir.resolve("egress-guard-audit.jsonl")).write(n, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryCountsAFewHundredMixedIncidents() throws Exception {
        TrailFixture t = trail(320);
        String f = t.audit.toString();
        assertEquals(0, cli("incidents", "ack", t.ids.get(5), "--file", f, "--note", "owner told").status());
        assertEquals(0, cli("incidents", "resolve", t.ids.get(6), "--file", f).status());
        assertEquals(0, cli("incidents", "false-positive", t.ids.get(7), "--file", f).status());

        Run r = cli("incidents", "summary", "--json", "--file", f);
        assertEquals(0, r.status(), r.err());
        Map<String, Object> s = Json.parseObject(r.out().trim());
        assertEquals(320L, s.get("total"));
        assertEquals(Map.of("open", 317L, "acknowledged", 1L, "resolved", 1L, "false_positive", 1L), s.get("byStatus"));
        Map<String, Object> bySeverity = (Map<String, Object>) s.get("bySeverity");
        for (String sev : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
            assertEquals(t.count("severity", sev), ((Long) bySeverity.getOrDefault(sev, 0L)).longValue(), sev);
        }
        Map<String, Object> byAction = (Map<String, Object>) s.get("byAction");
        long enforcedBlocks = t.incidents.stream().filter(m -> "block".equals(m.get("action")) && Boolean.TRUE.equals(m.get("enforced"))).count();
        assertEquals(enforcedBlocks, byAction.get("block"));
        Map<String, Object> byTool = (Map<String, Object>) s.get("byTool");
        long pastebin = t.incidents.stream().filter(m -> "pastebin".equals(((Map<String, Object>) m.get("target")).get("tool"))).count();
        assertEquals(pastebin, byTool.get("pastebin"));
        Map<String, Object> byRisk = (Map<String, Object>) s.get("byRiskLevel");
        long critical = t.incidents.stream().filter(m -> "critical".equals(((Map<String, Object>) m.get("target")).get("riskLevel"))).count();
        assertEquals(critical, byRisk.get("critical"));

        Run human = cli("incidents", "summary", "--file", f);
        assertTrue(human.out().startsWith("320 incidents"), human.out());
        assertTrue(human.out().contains("by severity:"), human.out());
        assertEquals("intact: " + (t.records + 3) + " records", cli("audit", "verify", "--file", f).out().trim());
    }

    @Test
    void listShowAndStatusChanges() throws Exception {
        TrailFixture t = trail(40);
        String f = t.audit.toString();
        String id = t.ids.get(3);
        Run ack = cli("incidents", "ack", id, "--note", "looking into it", "--file", f);
        assertEquals(0, ack.status(), ack.err());
        assertTrue(ack.out().startsWith(id + ": open -> acknowledged"), ack.out());

        Run list = cli("incidents", "list", "--status", "acknowledged", "--file", f);
        assertEquals(3, list.lines().size(), list.out());
        assertTrue(list.lines().get(1).startsWith(id), list.out());
        assertEquals("1 incident", list.lines().get(2));

        Run json = cli("incidents", "list", "--json", "--file", f);
        assertEquals(40, json.lines().size());
        assertEquals("acknowledged", Json.parseObject(json.lines().get(3)).get("status"));

        Run show = cli("incidents", "show", id, "--file", f);
        assertEquals(0, show.status());
        assertTrue(show.out().contains("incident   " + id + "  (acknowledged)"), show.out());
        assertTrue(show.out().contains(": looking into it"), show.out());
        assertTrue(show.out().contains("mitre {tactic=TA0010, technique=T1048}"), show.out()); // i % 11 == 3: nc

        Run missing = cli("incidents", "show", "inc_ffffffffffffffff", "--file", f);
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().lines().count());
        assertEquals(2, cli("incidents", "list", "--status", "closed", "--file", f).status());
        assertEquals(2, cli("incidents", "explode", "--file", f).status());
        assertEquals("intact: " + (t.records + 1) + " records", cli("audit", "verify", "--file", f).out().trim());
    }

    @Test
    void keyedTrailsNeedTheKeyToAppendAndVerify() throws Exception {
        TrailFixture t = new TrailFixture(dir.resolve("k.jsonl")).write(10, "fleet-key");
        String f = t.audit.toString();
        assertEquals(2, cli("incidents", "ack", t.ids.get(0), "--file", f).status());
        assertEquals(2, cli("audit", "verify", "--file", f).status());
        assertEquals(0, cli("incidents", "ack", t.ids.get(0), "--file", f, "--key", "fleet-key").status());
        assertEquals("intact: " + (t.records + 1) + " records", cli("audit", "verify", "--file", f, "--key", "fleet-key").out().trim());
        Run wrong = cli("audit", "verify", "--file", f, "--key", "guess");
        assertEquals(1, wrong.status());
        assertTrue(wrong.out().startsWith("TAMPERED at seq 1 (line 1): "), wrong.out());
    }

    @Test
    void auditFiltersAndTail() throws Exception {
        TrailFixture t = trail(30);
        String f = t.audit.toString();
        Run net = cli("audit", "--filter", "action:network", "--last", "5", "--json", "--file", f);
        assertEquals(0, net.status(), net.err());
        assertEquals(5, net.lines().size());
        for (String line : net.lines()) {
            assertEquals("network.request", Json.parseObject(line).get("kind"));
        }
        Run all = cli("audit", "--json", "--file", f);
        assertEquals(t.records, all.lines().size());
        // newest last: the tail of the filtered list is the tail of the file's matching records
        List<String> allNet = all.lines().stream().filter(l -> l.contains("\"kind\":\"network.request\"")).collect(Collectors.toList());
        assertEquals(allNet.subList(allNet.size() - 5, allNet.size()), net.lines());

        Run blocks = cli("audit", "--filter", "type:incident.o", "--filter", "ACTION:BLO", "--json", "--file", f);
        assertEquals(t.count("action", "block"), blocks.lines().size());
        Run either = cli("audit", "--filter", "action:warn", "--filter", "action:redact", "--filter", "type:incident.opened",
                "--json", "--file", f);
        assertEquals(t.count("action", "warn") + t.count("action", "redact"), either.lines().size());
        Run nested = cli("audit", "--filter", "target.tool:paste", "--json", "--file", f);
        assertEquals(6, nested.lines().size());

        Run table = cli("audit", "--last", "3", "--file", f);
        assertEquals(5, table.lines().size(), table.out());
        assertTrue(table.lines().get(0).startsWith("SEQ"), table.out());
        assertEquals("3 records", table.lines().get(4));

        Run bad = cli("audit", "--filter", "action", "--file", f);
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("egress-guard: bad filter 'action'"), bad.err());
        assertEquals(2, cli("audit", "--last", "zero", "--file", f).status());
        Run none = cli("audit", "--file", dir.resolve("nope.jsonl").toString());
        assertEquals(2, none.status());
        assertEquals(1, none.err().lines().count());
        assertEquals(2, cli("audit", "verify", "--file", dir.resolve("nope.jsonl").toString()).status());
    }

    @Test
    void verifyExitsOneOnTampering() throws Exception {
        TrailFixture t = trail(12);
        List<String> lines = Files.readAllLines(t.audit);
        lines.set(4, lines.get(4).replace("\"action\":\"block\"", "\"action\":\"allow\""));
        Files.write(t.audit, lines);
        Run r = cli("audit", "verify", "--file", t.audit.toString());
        assertEquals(1, r.status());
        assertEquals("TAMPERED at seq 5 (line 5): hash does not match the record's content (record edited)", r.out().trim());
        Path html = dir.resolve("tampered.html");
        assertEquals(0, cli("report", "--html", html.toString(), "--file", t.audit.toString()).status());
        assertTrue(Files.readString(html).contains("Audit trail TAMPERED"), "the report warns that the trail was altered");
    }

    @Test
    void reportIsOneSelfContainedPage() throws Exception {
        TrailFixture t = trail(300);
        Path html = dir.resolve("report.html");
        Run r = cli("report", "--html", html.toString(), "--file", t.audit.toString());
        assertEquals(0, r.status(), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("Audit trail intact"), "the chain's state is on the page");
        assertTrue(page.contains(">300</div><div class=\"lbl\">incidents"), "headline count");
        assertTrue(page.split("<svg", -1).length - 1 >= 5, "timeline and four breakdowns");
        for (String external : List.of("<script", "src=", "href=", "@import", "url(", "<link")) {
            assertFalse(page.toLowerCase().contains(external), external);
        }
        assertFalse(page.contains("<script>alert"), "previews are escaped");
        for (String tool : List.of("openai", "anthropic", "pastebin", "chatgpt", "copilot")) {
            assertTrue(page.contains(">" + tool + "<"), tool);
        }
        assertTrue(page.contains(t.ids.get(299)), "the newest incident is listed");
        assertFalse(page.contains(t.ids.get(200)), "only the 50 latest are listed");
        if (System.getenv("EG_REPORT_OUT") != null) {
            Files.copy(html, Path.of(System.getenv("EG_REPORT_OUT")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(2, cli("report", "--file", t.audit.toString()).status());
    }
}
