package dev.egressguard.config;

import java.nio.file.Path;

/**
 * Loads and validates policy YAML (SPEC §5.1) in both styles into a {@link Policy}.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class PolicyLoader {

    private final EndpointRegistry registry;

    public PolicyLoader(EndpointRegistry registry) {
        this.registry = registry;
    }

    public Policy load(Path file) throws PolicyException {
        throw new UnsupportedOperationException("TODO");
    }

    /** @param fileName the name errors carry, e.g. {@code policy.yaml} */
    public Policy parse(String yaml, String fileName) throws PolicyException {
        throw new UnsupportedOperationException("TODO");
    }
}
