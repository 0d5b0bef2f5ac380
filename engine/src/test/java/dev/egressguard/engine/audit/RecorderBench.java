package dev.egressguard.engine.audit;

import dev.egressguard.engine.decision.Decision;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rough cost of the evidence trail, run by hand (not a test):
 * {@code java -cp <test classpath> dev.egressguard.engine.audit.RecorderBench [records]}.
 * Prints the caller's cost of record() for a queued (allowed) decision, of a block (written
 * synchronously), and how many records per second the background writer seals and appends.
 */
public final class RecorderBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("eg-bench");
        Decision[] allows = new Decision[1024];
        for (int i = 0; i < allows.length; i++) {
            allows[i] = TestDecisions.allow(i);
        }
        for (int round = 0; round < 3; round++) {
            Path audit = dir.resolve("bench-" + round + ".jsonl");
            try (EvidenceRecorder r = EvidenceRecorder.open(audit, round == 2 ? "bench-key" : null, 1L << 30, "bench", Thread::new)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    r.record(allows[i & 1023]);
                }
                long t1 = System.nanoTime();
                r.flush();
                long t2 = System.nanoTime();
                int blocks = 2000;
                long t3 = System.nanoTime();
                for (int i = 0; i < blocks; i++) {
                    r.record(TestDecisions.blockSsn(round * 10_000 + i));
                }
                long t4 = System.nanoTime();
                System.out.printf("round %d%s: record() queued %.0f ns/call; writer %.0f records/s (%.1f us/record); "
                                + "block record() %.1f us/call; file %d MB%n", round, round == 2 ? " (HMAC)" : "",
                        (t1 - t0) / (double) n, n / ((t2 - t0) / 1e9), (t2 - t0) / 1e3 / n,
                        (t4 - t3) / 1e3 / blocks, Files.size(audit) >> 20);
            }
        }
    }
}
