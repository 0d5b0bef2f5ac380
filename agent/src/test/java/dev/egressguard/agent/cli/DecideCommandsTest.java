package dev.egressguard.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, shell-check, policy validate and endpoints as a user runs them (SPEC §10). */
class DecideCommandsTest {
    static final String SSN = "123-45-" + "6789";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().collect(Collectors.toList());
        }

        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkBlocksAnSsnAndSaysWhyWithoutTheValue() throws Exception {
        Run r = cli("check", "--url", "https://api.openai.com/v1/chat/completions", "--body", "ssn " + SSN, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = r.json();
        assertEquals("block", d.get("action").asText());
        assertTrue(d.get("enforced").asBoolean());
        assertEquals("SSN detected in request body to OpenAI API (high risk)", d.get("reason").asText());
        assertEquals(34.2, d.get("riskScore").asDouble(), 0.05);
        JsonNode t = d.get("target");
        assertEquals("openai-api", t.get("tool").asText());
        assertEquals("OpenAI API", t.get("name").asText());
        assertEquals("api.openai.com", t.get("host").asText());
        assertFalse(t.get("internal").asBoolean());
        JsonNode det = d.get("detections").get(0);
        assertEquals("SSN", det.get("type").asText());
        assertEquals(4, det.get("start").asInt());
        assertEquals(15, det.get("end").asInt());
        assertEquals("body", det.get("location").asText());
        assertFalse(r.out().contains(SSN), "no raw value in the output");
    }

    @Test
    void checkRedactsWithAPolicyAndPrintsTheSanitizedBody() throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "actionOverrides:\n  - patternType: SSN\n    action: redact\n");
        Run r = cli("check", "--url", "https://x.example/", "--body", "{\"q\":\"ssn " + SSN + "\"}",
                "--policy", policy.toString(), "--json");
        JsonNode d = r.json();
        assertEquals("redact", d.get("action").asText());
        assertEquals("{\"q\":\"ssn [REDACTED]\"}", d.get("sanitized").asText());
    }

    @Test
    void checkReadsHeadersAndBodyFiles() throws Exception {
        Path body = Files.writeString(dir.resolve("body.txt"), "hello there");
        Run r = cli("check", "--url", "https://unknown.example/x", "--header", "Authorization: token ghp_"
                + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "--body-file", body.toString());
        assertEquals(0, r.status());
        assertTrue(r.lines().get(0).startsWith("BLOCK: API_KEY detected in header Authorization"), r.out());
    }

    @Test
    void batchDecidesEachLineInOrderAndAnErrorLineDoesNotStopIt() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                "{\"url\":\"https://api.openai.com/v1\",\"body\":\"hello\"}",
                "this is not json",
                "{\"method\":\"POST\"}",
                "{\"url\":\"https://api.openai.com/v1\",\"bodyBase64\":\""
                        + Base64.getEncoder().encodeToString(("ssn " + SSN).getBytes(StandardCharsets.UTF_8)) + "\"}",
                "{\"url\":\"https://api.openai.com/v1\",\"headers\":{\"X-Note\":\"card 4111 1111 1111 1111\"}}"));
        Run r = cli("check", "--batch", in.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.lines();
        assertEquals(5, lines.size(), r.out());
        assertEquals("allow", JSON.readTree(lines.get(0)).get("action").asText());
        assertEquals(2, JSON.readTree(lines.get(1)).get("line").asInt());
        assertTrue(JSON.readTree(lines.get(1)).has("error"));
        assertTrue(JSON.readTree(lines.get(2)).get("error").asText().contains("url"));
        assertEquals("block", JSON.readTree(lines.get(3)).get("action").asText());
        assertEquals("header:X-Note", JSON.readTree(lines.get(4)).get("detections").get(0).get("location").asText());
    }

    @Test
    void shellCheckSeesThroughAShellScript() throws Exception {
        Run r = cli("shell-check", "--json", "--", "bash", "-lc", "cd /tmp && curl -d 'ssn=" + SSN + "' https://x.example/");
        assertEquals(0, r.status(), r.err());
        JsonNode d = r.json();
        assertEquals("block", d.get("action").asText());
        assertEquals("x.example", d.get("target").get("host").asText());
        assertFalse(r.out().contains(SSN));
    }

    @Test
    void shellCheckBatch() throws Exception {
        Path in = Files.writeString(dir.resolve("cmds.jsonl"),
                "{\"argv\":[\"ls\",\"-la\"]}\n{\"argv\":[]}\n{\"argv\":[\"wget\",\"--post-data\",\"ssn=" + SSN + "\",\"https://x.example/\"]}\n");
        Run r = cli("shell-check", "--batch", in.toString());
        List<String> lines = r.lines();
        assertEquals(3, lines.size(), r.out());
        assertEquals("allow", JSON.readTree(lines.get(0)).get("action").asText());
        assertTrue(JSON.readTree(lines.get(1)).has("error"));
        assertEquals("block", JSON.readTree(lines.get(2)).get("action").asText());
    }

    @Test
    void policyValidateSaysOkOrNamesFileLineAndColumn() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "name: payments\nrules:\n  - action: shell.exec\n"
                + "    resource: \"wget *\"\n    effect: deny\ncustomEndpoints:\n  - id: internal-llm\n    name: LLM\n"
                + "    category: api\n    domains: [\"llm.corp.example\"]\n    riskLevel: low\n");
        Run ok = cli("policy", "validate", good.toString());
        assertEquals(0, ok.status(), ok.err());
        assertEquals("ok: payments (1 rules, 1 custom endpoints)", ok.out().trim());

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nblockedTool: [pastebin]\n");
        Run r = cli("policy", "validate", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith(bad + ":2:1: unknown key 'blockedTool' (did you mean 'blockedTools'?)"), r.err());
    }

    @Test
    void aBadPolicyOnCheckIsAConfigurationError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "defaultAction: explode\n");
        Run r = cli("check", "--url", "https://x.example/", "--policy", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.yaml:1:"), r.err());
        assertEquals(1, r.err().lines().count(), "a one-line reason");
    }

    @Test
    void endpointsListsTheRegistryWithCustomEntries() throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "customEndpoints:\n  - id: internal-llm\n    name: LLM\n"
                + "    category: api\n    domains: [\"llm.corp.example\"]\n    riskLevel: low\n");
        JsonNode all = cli("endpoints", "--json", "--policy", policy.toString()).json();
        assertTrue(all.size() >= 41);
        boolean custom = false;
        boolean chatgpt = false;
        for (JsonNode e : all) {
            custom |= e.get("id").asText().equals("internal-llm");
            chatgpt |= e.get("id").asText().equals("chatgpt");
        }
        assertTrue(custom && chatgpt);
        assertTrue(cli("endpoints").out().contains("webhook-site"));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Run r = cli("check", "--bogus", "x");
        assertEquals(2, r.status());
        assertEquals("egress-guard: unknown option --bogus", r.err().trim());
        assertEquals(2, cli("nonsense").status());
        assertEquals(2, cli("check").status());
    }
}
