package dev.egressguard.agent.cli;

import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyError;
import dev.egressguard.config.PolicyException;
import dev.egressguard.config.PolicyLoader;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Set;

/** {@code policy validate FILE} (SPEC §10). */
final class PolicyCommand implements CliCommand {
    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        args.allowOnly(Set.of());
        if (args.positional().size() != 2 || !args.positional().get(0).equals("validate")) {
            throw new UsageException("usage: policy validate FILE");
        }
        String file = args.positional().get(1);
        try {
            Policy p = new PolicyLoader(EndpointRegistry.builtIn()).load(Paths.get(file));
            out.println("ok: " + p.name() + " (" + p.rules().size() + " rules, " + p.customEndpoints().size()
                    + " custom endpoints)");
            return 0;
        } catch (PolicyException e) {
            for (PolicyError error : e.errors()) {
                err.println(error);
            }
            return 2;
        }
    }
}
