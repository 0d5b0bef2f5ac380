package dev.egressguard.engine;

import dev.egressguard.config.Endpoint;
import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.IssuerTable;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyException;
import dev.egressguard.config.PolicyLoader;
import dev.egressguard.engine.audit.EvidenceRecorder;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.DecisionEngine;
import dev.egressguard.engine.decision.EgressRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * egress-guard as a library (SPEC §11): ask before you send. Thread-safe; records nothing
 * unless built with an audit log ({@link #withAuditLog}).
 */
public final class EgressGuard implements AutoCloseable {
    /** Default for {@code maxBodyBytes} (SPEC §4). */
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

    private final Policy policy;
    private final long maxBodyBytes;
    private final EvidenceRecorder recorder;
    private final List<Endpoint> added = new ArrayList<>();
    private volatile DecisionEngine engine;

    private EgressGuard(Policy policy, long maxBodyBytes, EvidenceRecorder recorder) {
        this.policy = policy;
        this.maxBodyBytes = maxBodyBytes;
        this.recorder = recorder;
        this.engine = new DecisionEngine(policy, EndpointRegistry.builtIn(), IssuerTable.builtIn(), maxBodyBytes);
    }

    /** The default policy of SPEC §5.7. */
    public static EgressGuard withDefaultPolicy() {
        return new EgressGuard(Policy.defaultPolicy(), DEFAULT_MAX_BODY_BYTES, null);
    }

    public static EgressGuard fromPolicy(Path policyFile) throws PolicyException {
        return new EgressGuard(new PolicyLoader(EndpointRegistry.builtIn()).load(policyFile), DEFAULT_MAX_BODY_BYTES, null);
    }

    public static EgressGuard of(Policy policy) {
        return new EgressGuard(policy, DEFAULT_MAX_BODY_BYTES, null);
    }

    /**
     * A guard that writes every decision, and the incidents they open, to an audit trail
     * (SPEC §8) as the agent does; {@link #close()} writes {@code agent.stop} and flushes.
     *
     * @param auditKey null for a SHA-256 chain, else the HMAC key
     */
    public static EgressGuard withAuditLog(Policy policy, Path auditFile, String auditKey, String agentId) {
        EvidenceRecorder r = EvidenceRecorder.open(auditFile, auditKey, 100L * 1024 * 1024, agentId, null);
        r.policyLoaded(policy);
        return new EgressGuard(policy, DEFAULT_MAX_BODY_BYTES, r);
    }

    /** Decides sending {@code prompt} to {@code url} as {@code agentId} would. */
    public CheckResult checkExfiltration(String url, String prompt, String agentId) {
        byte[] body = prompt == null ? null : prompt.getBytes(StandardCharsets.UTF_8);
        EgressRequest request = EgressRequest.http("api", "POST", url, Map.of(), body,
                EgressRequest.BodyMode.REPLACEABLE);
        return check(request, agentId);
    }

    /** Decides any request or command. */
    public CheckResult check(EgressRequest request, String agentId) {
        Decision d = engine.decide(request, agentId);
        String incident = recorder == null || !d.recorded() ? null : recorder.record(d, agentId);
        return new CheckResult(d, incident);
    }

    /** Adds a registry entry; one with an existing id replaces it (SPEC §5.3). */
    public synchronized void addCustomEndpoint(Endpoint endpoint) {
        added.add(endpoint);
        Policy.Builder b = policy.toBuilder();
        b.customEndpoints.addAll(added);
        engine = new DecisionEngine(b.build(), EndpointRegistry.builtIn(), IssuerTable.builtIn(), maxBodyBytes);
    }

    public Policy policy() {
        return engine.policy();
    }

    /** The registry in force: built-in entries, the policy's and those added here. */
    public EndpointRegistry registry() {
        return engine.registry();
    }

    /** Writes {@code agent.stop} and flushes the audit trail, when there is one. */
    @Override
    public void close() {
        if (recorder != null) {
            recorder.close();
        }
    }
}
