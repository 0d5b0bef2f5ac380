package dev.egressguard.config;

import java.util.Map;
import java.util.Properties;

/**
 * The agent's settings (SPEC §4), each resolved from, highest first: the agent argument string,
 * system property {@code egressguard.<key>}, environment {@code EGRESSGUARD_<KEY>}, the default.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class AgentSettings {

    public static AgentSettings resolve(String agentArgs, Properties systemProperties, Map<String, String> environment) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Policy path or http(s) URL; null for the built-in default policy. */
    public String policy() { throw new UnsupportedOperationException("TODO"); }
    /** {@code enforce} / {@code monitor} when given, else null (the policy's own mode applies). */
    public String mode() { throw new UnsupportedOperationException("TODO"); }
    /** The audit path as configured (default {@code egress-guard-audit.jsonl}), or {@code off}. */
    public String audit() { throw new UnsupportedOperationException("TODO"); }
    public String auditKey() { throw new UnsupportedOperationException("TODO"); }
    public String agentId() { throw new UnsupportedOperationException("TODO"); }
    /** {@code closed} or {@code open}. */
    public String failMode() { throw new UnsupportedOperationException("TODO"); }
    public String logLevel() { throw new UnsupportedOperationException("TODO"); }
    public long maxBodyBytes() { throw new UnsupportedOperationException("TODO"); }
    public long auditMaxBytes() { throw new UnsupportedOperationException("TODO"); }
}
