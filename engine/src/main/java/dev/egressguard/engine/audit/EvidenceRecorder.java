package dev.egressguard.engine.audit;

import dev.egressguard.config.Policy;
import dev.egressguard.engine.decision.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/** CONTRACT placeholder: the evidence helper's branch replaces this file. */
public final class EvidenceRecorder implements AutoCloseable {
    public static EvidenceRecorder open(Path auditPath, String auditKey, long auditMaxBytes, String agentId,
                                        ThreadFactory threadFactory) {
        return new EvidenceRecorder();
    }

    public void agentStarted(Map<String, Object> details) {
    }

    public void policyLoaded(Policy policy) {
    }

    public void policyRejected(String source, List<String> errors) {
    }

    public String record(Decision d) {
        return null;
    }

    public String record(Decision d, String agentId) {
        return null;
    }

    @Override
    public void close() {
    }
}
