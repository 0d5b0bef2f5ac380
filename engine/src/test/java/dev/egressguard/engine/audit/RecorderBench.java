package dev.egressguard.engine.audit;

import dev.egressguard.engine.decision.Decision;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rough CPU cost of the evidence trail, run by hand (not a test):
 * {@code java -cp <test classpath> dev.egressguard.engine.audit.RecorderBench [records]}.
 * Reports CPU time (not wall time, which a shared machine distorts) spent by the caller in
 * record() for queued (allowed) decisions, by the background writer per record it seals and
 * appends, and the wall time of record() for a block, which is written before it returns.
 */
public final class RecorderBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("eg-bench");
        Decision[] allows = new Decision[1024];
        for (int i = 0; i < allows.length; i++) {
            allows[i] = TestDecisions.allow(i);
        }
        for (int round = 0; round < 6; round++) {
            Path audit = dir.resolve("bench-" + round + ".jsonl");
            Thread[] writer = new Thread[1];
            try (EvidenceRecorder r = EvidenceRecorder.open(audit, round == 5 ? "bench-key" : null, 1L << 30, "bench",
                    task -> writer[0] = new Thread(task))) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    r.record(allows[i & 1023]);
                }
                long c1 = mx.getCurrentThreadCpuTime();
                r.flush();
                long c2 = mx.getCurrentThreadCpuTime();
                long w = mx.getThreadCpuTime(writer[0].getId()) + (c2 - c1);
                int blocks = 500;
                long t3 = System.nanoTime();
                for (int i = 0; i < blocks; i++) {
                    r.record(TestDecisions.blockSsn(round * 10_000 + i));
                }
                long t4 = System.nanoTime();
                System.out.printf("round %d%s: record() caller CPU %.2f us/call; sealing and appending CPU %.1f us/record"
                                + " (writer thread and final flush); block record() wall %.0f us/call%n",
                        round, round == 5 ? " (HMAC)" : "", (c1 - c0) / 1e3 / n, w / 1e3 / n, (t4 - t3) / 1e3 / blocks);
            }
        }
    }
}
