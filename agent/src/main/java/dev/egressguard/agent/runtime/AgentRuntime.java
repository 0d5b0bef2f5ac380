package dev.egressguard.agent.runtime;

import dev.egressguard.api.EgressHandler;

/**
 * The engine behind the bootstrap bridge, for one JVM: settings, policy, decisions, audit.
 * CONTRACT (owned by the integrator): the installer calls {@link #start} once from premain.
 */
public final class AgentRuntime {
    private AgentRuntime() {
    }

    /**
     * Resolves settings and starts loading the policy in the background; returns at once.
     * The returned handler waits for the policy on the first request it decides.
     */
    public static EgressHandler start(String agentArgs) {
        throw new UnsupportedOperationException("TODO");
    }
}
