package dev.egressguard.engine.audit;

import dev.egressguard.config.Policy;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.export.OtlpLogExporter;
import dev.egressguard.engine.export.StdoutExporter;
import dev.egressguard.engine.incident.IncidentClassifier;
import dev.egressguard.engine.incident.IncidentRecords;
import dev.egressguard.engine.incident.IncidentTracker;
import dev.egressguard.engine.notify.WebhookNotifier;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The evidence trail of one JVM (SPEC §8, §9): decisions and incidents into the audit log,
 * then to notifications and exports.
 *
 * <p>On the request path {@link #record} only assigns the incident and enqueues; a single
 * writer thread seals (seq, hash) and appends batches. A block is different: its records are
 * written and flushed by the calling thread before {@code record} returns, after everything
 * queued before it, under the same lock, so seq order is call order.
 */
public final class EvidenceRecorder implements AutoCloseable {
    private static final int MAX_BATCH = 1024;
    /** Past this many queued records, callers write themselves rather than let memory grow. */
    private static final int MAX_QUEUED = 100_000;
    /** Queued decisions hold their content until the writer hashes it: past this many bytes, callers write themselves. */
    private static final long MAX_QUEUED_CONTENT_BYTES = 32L << 20;
    private static final long IDLE_PAUSE_NANOS = 10_000_000L;
    /**
     * After a batch the writer waits as long as it does when idle, so a queued record waits at most this long in
     * either case: every append costs about 20 us of fixed work (a dozen system calls: stat, file lock, checkpoint
     * read and write) besides a wake-up, which a 2 ms pause spread over only ~10 records at 5000 requests/s.
     */
    private static final long BATCH_PAUSE_NANOS = IDLE_PAUSE_NANOS;
    private static final long SLEEP_NANOS = 1_000_000_000L;

    private final AuditLog log;
    private final String agentId;
    private final long pid = ProcessHandle.current().pid();
    private final ThreadFactory threadFactory;
    private final IncidentTracker incidents = new IncidentTracker();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedContentBytes = new AtomicLong();
    private final Object writeLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<RecordSink> extraSinks = new CopyOnWriteArrayList<>();
    private volatile List<RecordSink> policySinks = Collections.emptyList();
    private volatile String sinkConfig = "";
    private volatile boolean writerSleeping;
    private volatile boolean stopping;
    private final Thread writer;
    private boolean writeWarned;

    /** A record waiting for the writer: a decision (built into records by the writer) or a ready record. */
    private static final class Pending {
        final Decision decision;
        final String agentId;
        final long time;
        final IncidentTracker.Event incident;
        final Map<String, Object> ready;

        Pending(Decision decision, String agentId, long time, IncidentTracker.Event incident, Map<String, Object> ready) {
            this.decision = decision;
            this.agentId = agentId;
            this.time = time;
            this.incident = incident;
            this.ready = ready;
        }
    }

    private EvidenceRecorder(AuditLog log, String agentId, ThreadFactory threadFactory) {
        this.log = log;
        this.agentId = agentId == null ? "unknown" : agentId;
        this.threadFactory = threadFactory == null ? Executors.defaultThreadFactory() : threadFactory;
        if (log != null) {
            log.onForeignRecords(r -> incidents.statusChanged(String.valueOf(r.get("id")), String.valueOf(r.get("status"))));
        }
        writer = this.threadFactory.newThread(this::runWriter);
        name(writer, "egress-guard-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Names a background thread unless its factory already gave it a name of its own. */
    public static void name(Thread t, String name) {
        String current = t.getName();
        if (current.startsWith("Thread-") || current.startsWith("pool-")) {
            t.setName(name);
        }
    }

    /** auditPath null = audit off. threadFactory makes the background threads (the agent passes one that marks them as its own traffic). */
    public static EvidenceRecorder open(Path auditPath, String auditKey, long auditMaxBytes, String agentId,
                                        ThreadFactory threadFactory) {
        return new EvidenceRecorder(openLog(auditPath, auditKey, auditMaxBytes, agentId), agentId, threadFactory);
    }

    /** The file as given, else the same name in java.io.tmpdir (one warning), else none (one warning). */
    private static AuditLog openLog(Path auditPath, String auditKey, long maxBytes, String agentId) {
        if (auditPath == null) {
            return null;
        }
        try {
            return AuditLog.open(auditPath, auditKey, maxBytes, agentId);
        } catch (IOException | RuntimeException e) {
            Path fallback = Paths.get(System.getProperty("java.io.tmpdir")).resolve(auditPath.getFileName().toString());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!fallback.toAbsolutePath().normalize().equals(auditPath.toAbsolutePath().normalize())) {
                try {
                    AuditLog log = AuditLog.open(fallback, auditKey, maxBytes, agentId);
                    System.err.println("[egress-guard] audit log " + auditPath + " is not writable (" + why
                            + "); writing it to " + log.path() + " instead");
                    return log;
                } catch (IOException | RuntimeException e2) {
                    // falls through to the one warning below
                }
            }
            System.err.println("[egress-guard] no writable audit log (" + auditPath + ", " + fallback
                    + "): decisions are still enforced but not recorded; set audit=<writable path>");
            return null;
        }
    }

    /** The file records go to, or null when the audit log is off or nothing was writable. */
    public Path auditPath() {
        return log == null ? null : log.path();
    }

    public String agentId() {
        return agentId;
    }

    /** agent.start record (settings, versions; never auditKey). */
    public void agentStarted(Map<String, Object> details) {
        Map<String, Object> r = DecisionRecords.header("agent.start", System.currentTimeMillis(), agentId, pid);
        if (details != null) {
            for (Map.Entry<String, Object> e : details.entrySet()) {
                String k = e.getKey();
                if (k == null || r.containsKey(k) || isSecretName(k) || k.equals("seq") || k.equals("hash")
                        || k.equals("prevHash")) {
                    continue;
                }
                Object v = e.getValue();
                r.put(k, v instanceof String ? maskUserInfo((String) v) : v);
            }
        }
        r.put("javaVersion", System.getProperty("java.version"));
        r.put("egressGuardVersion", version());
        r.put("auditFile", log == null ? null : log.path().toString());
        enqueue(new Pending(null, agentId, 0, null, r));
    }

    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

    /** A policy URL may carry credentials ({@code https://user:token@host/...}): records keep only the host. */
    static String maskUserInfo(String s) {
        return s == null || s.indexOf('@') < 0 ? s : USER_INFO.matcher(s).replaceAll("$1***@");
    }

    private static boolean isSecretName(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("key") || k.contains("secret") || k.contains("token") || k.contains("password");
    }

    private static String version() {
        String v = EvidenceRecorder.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** policy.loaded record; also (re)configures notifications and export from the policy. */
    public void policyLoaded(Policy policy) {
        policyLoaded(policy, null);
    }

    /** As {@link #policyLoaded(Policy)}, with the SHA-256 of the policy text as loaded. */
    public void policyLoaded(Policy policy, String policySha256) {
        Map<String, Object> r = DecisionRecords.header("policy.loaded", System.currentTimeMillis(), agentId, pid);
        r.put("name", policy.name());
        r.put("source", maskUserInfo(policy.source()));
        r.put("sha256", policySha256);
        r.put("rules", (long) policy.rules().size());
        r.put("customEndpoints", (long) policy.customEndpoints().size());
        r.put("mode", policy.mode());
        r.put("enabled", policy.enabled());
        enqueue(new Pending(null, agentId, 0, null, r));
        configureSinks(policy);
    }

    public void policyRejected(String source, List<String> errors) {
        Map<String, Object> r = DecisionRecords.header("policy.rejected", System.currentTimeMillis(), agentId, pid);
        r.put("source", maskUserInfo(source));
        r.put("errors", errors == null ? List.of() : new ArrayList<>(errors));
        enqueue(new Pending(null, agentId, 0, null, r));
    }

    /** Adds a sink that sees every record (tests, embedding applications). */
    public void addSink(RecordSink sink) {
        extraSinks.add(Objects.requireNonNull(sink));
    }

    private void configureSinks(Policy policy) {
        String config = policy.notifyOnBlock() + "|" + policy.notifyOnWarn() + "|" + policy.notifyChannels()
                + "|" + policy.exportStdout() + "|" + policy.exportOtlpEndpoint() + "|" + policy.exportOtlpHeaders()
                + "|" + policy.orgId();
        List<RecordSink> old;
        synchronized (writeLock) {
            if (config.equals(sinkConfig)) {
                return;
            }
            old = policySinks;
            List<RecordSink> fresh = new ArrayList<>();
            if (!policy.notifyChannels().isEmpty() && (policy.notifyOnBlock() || policy.notifyOnWarn())) {
                fresh.add(new WebhookNotifier(policy.notifyChannels(), policy.notifyOnBlock(), policy.notifyOnWarn(),
                        threadFactory));
            }
            if (policy.exportStdout()) {
                fresh.add(new StdoutExporter(System.out, threadFactory));
            }
            if (policy.exportOtlpEndpoint() != null && !policy.exportOtlpEndpoint().isEmpty()) {
                fresh.add(new OtlpLogExporter(policy.exportOtlpEndpoint(), policy.exportOtlpHeaders(), agentId,
                        policy.orgId(), threadFactory));
            }
            policySinks = Collections.unmodifiableList(fresh);
            sinkConfig = config;
        }
        // outside the lock: draining the old sinks must not hold up records, least of all blocks
        for (RecordSink s : old) {
            s.close(2000);
        }
    }

    /**
     * Writes the decision record (and incident.opened / incident.repeated for anything computed as
     * warn, redact or block), returns the incident id or null. A block is written and flushed
     * before this returns; everything else is queued.
     */
    public String record(Decision d) {
        return record(d, null);
    }

    /** As {@link #record(Decision)}, with a per-call agent id (Java API). */
    public String record(Decision d, String callAgentId) {
        if (d == null || !d.recorded()) {
            return null;
        }
        String aid = callAgentId == null ? agentId : callAgentId;
        IncidentTracker.Event incident = null;
        if (IncidentClassifier.isIncident(d)) {
            incident = incidents.observe(aid, d.target() == null ? d.command() : d.target().host(), d.action(),
                    d.contentSha256());
        }
        Pending p = new Pending(d, aid, System.currentTimeMillis(), incident, null);
        if (d.blocks() || stopping || queued.get() > MAX_QUEUED
                || queuedContentBytes.get() + d.contentBytes() > MAX_QUEUED_CONTENT_BYTES) {
            writeNow(p);
        } else {
            enqueue(p);
        }
        return incident == null ? null : incident.id();
    }

    /**
     * Appends an {@code incident.status} record (acknowledged, resolved, false_positive) and
     * writes it before returning.
     */
    public void incidentStatus(String incidentId, String status, String previousStatus, String note) {
        if (!IncidentRecords.STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + IncidentRecords.STATUSES);
        }
        incidents.statusChanged(incidentId, status);
        writeNow(new Pending(null, agentId, 0, null,
                IncidentRecords.status(incidentId, status, previousStatus, note, agentId, pid, System.currentTimeMillis())));
    }

    /** Writes everything queued so far before returning. */
    public void flush() {
        synchronized (writeLock) {
            while (drainAndWrite(Integer.MAX_VALUE, null)) {
                // until the queue is empty
            }
        }
    }

    private void enqueue(Pending p) {
        if (stopping) {
            writeNow(p);
            return;
        }
        if (p.decision != null) {
            queuedContentBytes.addAndGet(p.decision.contentBytes());
        }
        queue.offer(p);
        queued.incrementAndGet();
        if (writerSleeping) {
            LockSupport.unpark(writer);
        }
    }

    private void writeNow(Pending p) {
        synchronized (writeLock) {
            drainAndWrite(Integer.MAX_VALUE, p);
        }
    }

    private void runWriter() {
        int idle = 0;
        while (true) {
            boolean worked;
            try {
                synchronized (writeLock) {
                    worked = drainAndWrite(MAX_BATCH, null);
                }
            } catch (RuntimeException | Error e) {
                warnWrite(e);
                worked = false;
            }
            if (worked) {
                idle = 0;
                LockSupport.parkNanos(BATCH_PAUSE_NANOS);
                continue;
            }
            if (stopping) {
                return;
            }
            if (++idle < 100) {
                LockSupport.parkNanos(IDLE_PAUSE_NANOS);
            } else {
                writerSleeping = true;
                if (queue.isEmpty() && !stopping) {
                    LockSupport.parkNanos(SLEEP_NANOS);
                }
                writerSleeping = false;
            }
        }
    }

    /** Holding writeLock: takes up to max queued items (and then {@code extra}), seals, appends, hands on. */
    private boolean drainAndWrite(int max, Pending extra) {
        List<Map<String, Object>> records = new ArrayList<>();
        int n = 0;
        Pending p;
        while (n < max && (p = queue.poll()) != null) {
            queued.decrementAndGet();
            if (p.decision != null) {
                queuedContentBytes.addAndGet(-p.decision.contentBytes());
            }
            toRecords(p, records);
            n++;
        }
        if (extra != null) {
            toRecords(extra, records);
        }
        if (records.isEmpty()) {
            return false;
        }
        if (log != null) {
            try {
                log.append(records);
            } catch (IOException | RuntimeException e) {
                warnWrite(e);
            }
        }
        deliver(records);
        return true;
    }

    private void toRecords(Pending p, List<Map<String, Object>> out) {
        if (p.ready != null) {
            out.add(p.ready);
            return;
        }
        Decision d = p.decision;
        // written by the log straight from the decision: no sorted map per record on the writer thread
        out.add(new DecisionRecord(d, p.agentId, pid, p.time, p.incident == null ? null : p.incident.id()));
        if (p.incident != null) {
            out.add(p.incident.opened()
                    ? IncidentRecords.opened(d, p.incident.id(), p.agentId, pid, p.time)
                    : IncidentRecords.repeated(d, p.incident.id(), p.incident.count(), p.agentId, pid, p.time));
        }
    }

    private void deliver(List<Map<String, Object>> records) {
        List<RecordSink> sinks = policySinks;
        if (sinks.isEmpty() && extraSinks.isEmpty()) {
            return;
        }
        for (Map<String, Object> r : records) {
            Map<String, Object> view = Collections.unmodifiableMap(r);
            for (RecordSink s : sinks) {
                deliverSafely(s, view);
            }
            for (RecordSink s : extraSinks) {
                deliverSafely(s, view);
            }
        }
    }

    private static void deliverSafely(RecordSink s, Map<String, Object> r) {
        try {
            s.accept(r);
        } catch (RuntimeException e) {
            // a sink's failure must never stop the trail; sinks count and report their own drops
        }
    }

    private void warnWrite(Throwable e) {
        if (!writeWarned) {
            writeWarned = true;
            System.err.println("[egress-guard] cannot write the audit log " + (log == null ? "" : log.path()) + ": "
                    + e + " (decisions are still enforced; further write errors are not reported)");
        }
    }

    /** agent.stop record, flush everything; idempotent; called from a shutdown hook at normal exit. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        enqueue(new Pending(null, agentId, 0, null,
                DecisionRecords.header("agent.stop", System.currentTimeMillis(), agentId, pid)));
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        if (log != null) {
            log.close();
        }
        long deadline = System.currentTimeMillis() + 3000;
        for (RecordSink s : policySinks) {
            s.close(Math.max(100, deadline - System.currentTimeMillis()));
        }
        for (RecordSink s : extraSinks) {
            s.close(Math.max(100, deadline - System.currentTimeMillis()));
        }
    }
}
