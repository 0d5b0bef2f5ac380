package dev.egressguard.config;

/**
 * Which domains each key issuer's keys belong to (SPEC §5.4), loaded from {@code issuers.yaml}.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class IssuerTable {

    public static IssuerTable builtIn() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether {@code host} is one of the issuer's own domains; issuer ids as the API_KEY detector names them. */
    public boolean isIssuerDomain(String issuerId, String host) {
        throw new UnsupportedOperationException("TODO");
    }
}
