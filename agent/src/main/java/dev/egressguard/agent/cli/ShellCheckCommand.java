package dev.egressguard.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.engine.EgressGuard;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.EgressRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code shell-check}: decides a command line as the process hook would (SPEC §7, §10). */
final class ShellCheckCommand implements CliCommand {
    private static final String CHANNEL = "cli";

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        args.allowOnly(Set.of("policy", "json", "batch", "agent-id", "dir"));
        EgressGuard guard = EgressGuard.of(PolicyOption.load(args));
        String agentId = args.option("agent-id") == null ? "cli" : args.option("agent-id");
        String dir = args.option("dir");
        if (args.option("batch") != null) {
            return BatchInput.run(args.option("batch"), out, line -> {
                JsonNode argv = line.get("argv");
                if (argv == null || !argv.isArray() || argv.isEmpty()) {
                    throw new BatchInput.LineException("missing \"argv\": a non-empty array of strings");
                }
                List<String> words = new ArrayList<>();
                for (JsonNode w : argv) {
                    if (!w.isTextual()) {
                        throw new BatchInput.LineException("\"argv\" must hold only strings");
                    }
                    words.add(w.asText());
                }
                String lineDir = line.hasNonNull("dir") ? line.get("dir").asText() : dir;
                return DecisionJson.of(guard.check(EgressRequest.command(CHANNEL, words, lineDir), agentId).decision());
            });
        }
        List<String> argv = new ArrayList<>(args.rest());
        argv.addAll(0, args.positional());
        if (argv.isEmpty()) {
            throw new UsageException("shell-check needs a command: shell-check [--policy P] [--json] -- ARGV...");
        }
        Decision d = guard.check(EgressRequest.command(CHANNEL, argv, dir), agentId).decision();
        if (args.flag("json")) {
            out.println(DecisionJson.of(d));
        } else {
            out.println(DecisionJson.line(d));
            HumanDetails.print(d, out);
        }
        return 0;
    }
}
