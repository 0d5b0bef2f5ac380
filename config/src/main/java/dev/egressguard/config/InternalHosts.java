package dev.egressguard.config;

import java.util.List;

/**
 * Whether a host, as the URL names it, is internal (SPEC §5.6): localhost, loopback, private,
 * link-local and unique-local IP literals, *.local, *.internal, *.localdomain, plus a
 * policy's internalDomains. Never resolves names.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class InternalHosts {

    public InternalHosts(List<String> internalDomains) {
    }

    public boolean isInternal(String host) {
        throw new UnsupportedOperationException("TODO");
    }
}
