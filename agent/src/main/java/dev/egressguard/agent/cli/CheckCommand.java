package dev.egressguard.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.engine.EgressGuard;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.EgressRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code check}: decides one request, or a batch of them, as the agent would (SPEC §10). */
final class CheckCommand implements CliCommand {
    private static final String CHANNEL = "cli";

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        args.allowOnly(Set.of("url", "method", "header", "body", "body-file", "policy", "json", "batch", "agent-id"));
        EgressGuard guard = EgressGuard.of(PolicyOption.load(args));
        String agentId = args.option("agent-id") == null ? "cli" : args.option("agent-id");
        if (args.option("batch") != null) {
            return BatchInput.run(args.option("batch"), out, (line) -> {
                EgressRequest r = fromJson(line);
                return DecisionJson.of(guard.check(r, agentId).decision());
            });
        }
        String url = args.option("url");
        if (url == null) {
            throw new UsageException("check needs --url URL (or --batch FILE)");
        }
        if (args.option("body") != null && args.option("body-file") != null) {
            throw new UsageException("give --body or --body-file, not both");
        }
        byte[] body = null;
        if (args.option("body") != null) {
            body = args.option("body").getBytes(StandardCharsets.UTF_8);
        } else if (args.option("body-file") != null) {
            try {
                body = Files.readAllBytes(Paths.get(args.option("body-file")));
            } catch (IOException e) {
                throw new UsageException("cannot read --body-file " + args.option("body-file") + ": " + e.getMessage());
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h : args.options("header")) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header takes 'Name: value', got a value without a name");
            }
            headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>()).add(h.substring(colon + 1).trim());
        }
        String method = args.option("method") != null ? args.option("method") : body != null ? "POST" : "GET";
        EgressRequest r = EgressRequest.http(CHANNEL, method, url, headers, body,
                body == null ? EgressRequest.BodyMode.NONE : EgressRequest.BodyMode.REPLACEABLE);
        Decision d = guard.check(r, agentId).decision();
        if (args.flag("json")) {
            out.println(DecisionJson.of(d));
        } else {
            out.println(DecisionJson.line(d));
            HumanDetails.print(d, out);
        }
        return 0;
    }

    /** One batch line: {@code url}, {@code method}, {@code headers} (name → value), {@code body} or {@code bodyBase64}. */
    private static EgressRequest fromJson(JsonNode line) throws BatchInput.LineException {
        JsonNode url = line.get("url");
        if (url == null || !url.isTextual()) {
            throw new BatchInput.LineException("missing \"url\"");
        }
        byte[] body = null;
        if (line.hasNonNull("body")) {
            body = line.get("body").asText().getBytes(StandardCharsets.UTF_8);
        } else if (line.hasNonNull("bodyBase64")) {
            try {
                body = Base64.getDecoder().decode(line.get("bodyBase64").asText());
            } catch (IllegalArgumentException e) {
                throw new BatchInput.LineException("\"bodyBase64\" is not base64");
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode h = line.get("headers");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) {
                throw new BatchInput.LineException("\"headers\" must be an object of name to value");
            }
            Iterator<Map.Entry<String, JsonNode>> it = h.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(e.getValue().asText());
                }
                headers.put(e.getKey(), values);
            }
        }
        String method = line.hasNonNull("method") ? line.get("method").asText() : body != null ? "POST" : "GET";
        return EgressRequest.http(CHANNEL, method, url.asText(), headers, body,
                body == null ? EgressRequest.BodyMode.NONE : EgressRequest.BodyMode.REPLACEABLE);
    }
}
