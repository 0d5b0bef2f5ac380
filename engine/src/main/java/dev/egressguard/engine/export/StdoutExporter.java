package dev.egressguard.engine.export;

import dev.egressguard.engine.audit.EvidenceRecorder;
import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.audit.RecordSink;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code export.stdout} (SPEC §9): one JSON line per decision and incident record, for container
 * log pipelines. Printed by a thread of its own, so a slow or blocked stdout never holds up the
 * trail or a request.
 */
public final class StdoutExporter implements RecordSink {
    public static final int QUEUE_CAPACITY = 10_000;

    private final PrintStream out;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;

    public StdoutExporter(PrintStream out, ThreadFactory threadFactory) {
        this.out = out;
        thread = threadFactory.newThread(this::run);
        EvidenceRecorder.name(thread, "egress-guard-stdout");
        thread.setDaemon(true);
        thread.start();
    }

    /** Decisions and incident.* records are exported; agent and policy lifecycle records stay in the audit log. */
    public static boolean exported(Map<String, Object> record) {
        Object type = record.get("type");
        return "decision".equals(type) || (type instanceof String && ((String) type).startsWith("incident."));
    }

    @Override
    public void accept(Map<String, Object> record) {
        if (exported(record) && !queue.offer(Json.write(record))) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                System.err.println("[egress-guard] stdout export is not keeping up: " + n
                        + " line(s) dropped so far; the audit log has them all");
            }
        }
    }

    private void run() {
        try {
            while (!(stopping && queue.isEmpty())) {
                String line = queue.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    // one println per line so concurrent application output never splits a record
                    out.println(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
        }
    }

    @Override
    public void close(long timeoutMillis) {
        stopping = true;
        try {
            thread.join(Math.max(1, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
