package dev.egressguard.agent.cli;

import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyException;
import dev.egressguard.config.PolicyLoader;
import java.nio.file.Paths;

/** The {@code --policy P} option shared by the deciding commands: a file, or the default policy. */
final class PolicyOption {
    private PolicyOption() {
    }

    static Policy load(CliArgs args) throws UsageException {
        String p = args.option("policy");
        if (p == null) {
            return Policy.defaultPolicy();
        }
        try {
            return new PolicyLoader(EndpointRegistry.builtIn()).load(Paths.get(p));
        } catch (PolicyException e) {
            String first = e.errors().get(0).toString();
            int more = e.errors().size() - 1;
            throw new UsageException(first + (more > 0 ? " (and " + more + " more; see 'policy validate')" : ""));
        }
    }
}
