package dev.egressguard.config;

import java.util.List;
import java.util.Optional;

/**
 * The endpoint registry (SPEC §5.3): built-in entries from a resource file plus custom ones.
 * Immutable. CONTRACT (owned by the config helper): keep these signatures.
 */
public final class EndpointRegistry {

    /** The built-in registry, loaded once from {@code endpoints.yaml}. */
    public static EndpointRegistry builtIn() {
        throw new UnsupportedOperationException("TODO");
    }

    /** A registry with these entries added; an entry with an existing id replaces it. */
    public EndpointRegistry with(List<Endpoint> extra) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The most specific entry whose domains (and pathPatterns, when it has some) match. */
    public Optional<Endpoint> match(String host, String path) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Endpoint> byId(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    public List<Endpoint> all() {
        throw new UnsupportedOperationException("TODO");
    }
}
