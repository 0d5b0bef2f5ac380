package dev.egressguard.it.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppCompiler;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.RecordingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the client tests share: the forked app runs against one client version with the real agent and
 * engine, the payloads, the policies, and the checks on what the app saw and what the audit log holds.
 */
final class ClientRuns {
    static final String CHAT = "/v1/chat/completions";
    static final Pattern INCIDENT_SUFFIX = Pattern.compile(".* \\[incident inc_[0-9a-f]{16}\\]$");

    /** SSN overridden to redact; pastebin blocked as a tool, for the redirect hop. */
    static final Path REDACT_AND_NO_PASTEBIN = Policies.write("clients-redact", String.join("\n",
            "name: clients-redact",
            "blockedTools: [pastebin]",
            "actionOverrides:",
            "  - patternType: SSN",
            "    action: redact",
            ""));

    private ClientRuns() {
    }

    static String clean() {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the meeting notes\"}]}";
    }

    static String withSsn() {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Customer SSN is " + Policies.ssn() + "\"}]}";
    }

    static String withKey() {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"use key " + Policies.openAiKey() + "\"}]}";
    }

    static String chatUrl(RecordingServer server) {
        return server.url("api.openai.com", CHAT);
    }

    /** A first hop to an allowed host answered with a redirect to pastebin, a blocked tool. */
    static String redirectToPastebin(RecordingServer server) {
        return server.url("api.github.com", "/redirect?status=302&to="
                + URLEncoder.encode(server.url("pastebin.com", "/x"), StandardCharsets.UTF_8));
    }

    static AgentJvm app(String family, String client, String mainClass) {
        return AgentJvm.app(mainClass).classpath(AppCompiler.classpath(family, client));
    }

    static void assertStatus200(AppResult r, int i) {
        assertEquals("status=200", r.result(i), r::toString);
    }

    /** The SPEC §5.6 block: an EgressBlockedException (maybe inside the client's wrapper) with the message shape. */
    static void assertBlocked(AppResult r, int i, String method, String url, String finding) {
        String result = r.result(i);
        assertTrue(result.contains(" blocked=true message=egress-guard blocked " + method + " " + url + ": " + finding),
                () -> "result #" + i + " is not that block:\n" + r);
    }

    /** Blocks name their incident (SPEC §5.6); checked last, as it needs the evidence trail, not the hooks. */
    static void assertIncidentNamed(AppResult r, int i) {
        assertTrue(INCIDENT_SUFFIX.matcher(r.result(i)).matches(), () -> "no incident id in result #" + i + ":\n" + r);
    }

    /** The audit log's decision records of one channel. */
    static List<String> decisions(AppResult r, String channel) {
        List<String> found = new ArrayList<>();
        for (String line : r.auditLines()) {
            if (line.matches(".*\"type\"\\s*:\\s*\"decision\".*") && line.contains("\"" + channel + "\"")) {
                found.add(line);
            }
        }
        return found;
    }
}
