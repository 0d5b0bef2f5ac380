package dev.egressguard.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.config.Endpoint;
import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.Policy;
import java.io.PrintStream;
import java.util.Set;

/** {@code endpoints [--policy P] [--json]}: the registry, custom endpoints included (SPEC §10). */
final class EndpointsCommand implements CliCommand {
    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        args.allowOnly(Set.of("policy", "json"));
        Policy policy = PolicyOption.load(args);
        EndpointRegistry registry = EndpointRegistry.builtIn().with(policy.customEndpoints());
        if (args.flag("json")) {
            ArrayNode all = DecisionJson.MAPPER.createArrayNode();
            for (Endpoint e : registry.all()) {
                ObjectNode n = all.addObject();
                n.put("id", e.id());
                n.put("name", e.name());
                n.put("category", e.category().wireName());
                e.domains().forEach(n.putArray("domains")::add);
                e.pathPatterns().forEach(n.putArray("pathPatterns")::add);
                n.put("riskLevel", e.riskLevel().wireName());
                n.put("description", e.description());
                n.put("dataFlowDirection", e.dataFlowDirection());
            }
            out.println(all);
            return 0;
        }
        out.printf("%-22s %-11s %-9s %s%n", "ID", "CATEGORY", "RISK", "DOMAINS");
        for (Endpoint e : registry.all()) {
            out.printf("%-22s %-11s %-9s %s%s%n", e.id(), e.category().wireName(), e.riskLevel().wireName(),
                    String.join(", ", e.domains()), e.pathPatterns().isEmpty() ? "" : " " + e.pathPatterns());
        }
        out.println(registry.all().size() + " endpoints");
        return 0;
    }
}
