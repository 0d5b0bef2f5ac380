package dev.egressguard.engine.audit;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM of {@link AuditLogTest}: appends {@code n} decisions (every tenth a block, written
 * synchronously) to a shared trail. Usage: {@code <audit> <n> <agentId> [maxBytes]}.
 */
public final class AuditWriterMain {
    public static void main(String[] args) {
        Path audit = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        String agent = args[2];
        long maxBytes = args.length > 3 ? Long.parseLong(args[3]) : 100L << 20;
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, maxBytes, agent, Thread::new)) {
            r.agentStarted(Map.of("child", true));
            for (int i = 0; i < n; i++) {
                if (i % 10 == 9) {
                    r.record(TestDecisions.blockSsn(agent.hashCode() * 100_000 + i));
                } else {
                    r.record(TestDecisions.allow(i));
                }
            }
        }
    }
}
