package dev.egressguard.engine.decision;

import dev.egressguard.config.Endpoint;
import dev.egressguard.config.RiskLevel;

/** Where a request is going: its URL, host and what the registry knows of it (SPEC §10 {@code target}). */
public final class Target {
    private final String url;
    private final String host;
    private final Endpoint endpoint;
    private final RiskLevel riskLevel;
    private final boolean internal;

    public Target(String url, String host, Endpoint endpoint, RiskLevel riskLevel, boolean internal) {
        this.url = url;
        this.host = host;
        this.endpoint = endpoint;
        this.riskLevel = riskLevel;
        this.internal = internal;
    }

    /** The URL with credentials and detected values masked, as records carry it. */
    public String url() { return url; }
    public String host() { return host; }
    /** The registry entry, or null for hosts not in the registry. */
    public Endpoint endpoint() { return endpoint; }
    /** The registry id, or null. */
    public String tool() { return endpoint == null ? null : endpoint.id(); }
    /** The service name, or the host when it is not in the registry. */
    public String name() { return endpoint == null ? host : endpoint.name(); }
    /** The registry category, {@code internal} or {@code unknown}. */
    public String category() {
        if (endpoint != null) {
            return endpoint.category().wireName();
        }
        return internal ? "internal" : "unknown";
    }
    public RiskLevel riskLevel() { return riskLevel; }
    public boolean internal() { return internal; }
}
