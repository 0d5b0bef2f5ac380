package dev.egressguard.engine.export;

import dev.egressguard.engine.audit.RecordSink;
import dev.egressguard.engine.notify.HttpSender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code export.otlp.endpoint} (SPEC §9): decisions and incidents as OTLP/HTTP JSON logs to
 * {@code <endpoint>/v1/logs}, batched (every second or 100 records), retried, bounded.
 */
public final class OtlpLogExporter implements RecordSink {
    public static final int QUEUE_CAPACITY = 10_000;
    public static final int BATCH_SIZE = 100;
    public static final long BATCH_MILLIS = 1000;

    private final String url;
    private final Map<String, String> headers;
    private final Map<String, Object> resource = new LinkedHashMap<>();
    private final BlockingQueue<Map<String, Object>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong exported = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long deadline = Long.MAX_VALUE;

    public OtlpLogExporter(String endpoint, Map<String, String> headers, String agentId, String orgId,
                           ThreadFactory threadFactory) {
        this.url = logsUrl(endpoint);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        resource.put("service.name", agentId);
        resource.put("process.pid", ProcessHandle.current().pid());
        resource.put("telemetry.sdk.name", "egress-guard");
        if (orgId != null) {
            resource.put("egressguard.org_id", orgId);
        }
        thread = threadFactory.newThread(this::run);
        dev.egressguard.engine.audit.EvidenceRecorder.name(thread, "egress-guard-otlp");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code <endpoint>/v1/logs}, unless the endpoint already names the logs path. */
    static String logsUrl(String endpoint) {
        String e = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return e.endsWith("/v1/logs") ? e : e + "/v1/logs";
    }

    @Override
    public void accept(Map<String, Object> record) {
        if (!StdoutExporter.exported(record)) {
            return;
        }
        if (!queue.offer(record)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                System.err.println("[egress-guard] OTLP export queue is full (" + QUEUE_CAPACITY + "): " + n
                        + " record(s) dropped so far; the audit log has them all");
            }
        }
    }

    public long exported() {
        return exported.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void run() {
        List<Map<String, Object>> batch = new ArrayList<>(BATCH_SIZE);
        try {
            while (System.currentTimeMillis() < deadline) {
                long batchEnd = System.currentTimeMillis() + BATCH_MILLIS;
                while (batch.size() < BATCH_SIZE) {
                    long wait = stopping ? 0 : batchEnd - System.currentTimeMillis();
                    Map<String, Object> r = wait > 0 ? queue.poll(wait, TimeUnit.MILLISECONDS) : queue.poll();
                    if (r == null) {
                        break;
                    }
                    batch.add(r);
                }
                if (!batch.isEmpty()) {
                    send(batch);
                    batch.clear();
                } else if (stopping) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(List<Map<String, Object>> batch) throws InterruptedException {
        byte[] body = OtlpJson.request(batch, resource).getBytes(StandardCharsets.UTF_8);
        if (HttpSender.postWithRetries(url, body, headers, deadline)) {
            exported.addAndGet(batch.size());
        } else {
            long n = failedBatches.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                System.err.println("[egress-guard] OTLP export to " + HttpSender.origin(url) + " failed after "
                        + (HttpSender.RETRIES + 1) + " attempts; " + batch.size() + " record(s) not exported ("
                        + n + " batch(es) so far)");
            }
        }
    }

    @Override
    public void close(long timeoutMillis) {
        deadline = System.currentTimeMillis() + timeoutMillis;
        stopping = true;
        try {
            thread.join(Math.max(1, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
