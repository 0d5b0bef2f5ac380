package dev.egressguard.agent.runtime;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.EgressHandler;
import dev.egressguard.api.HttpEgress;
import dev.egressguard.api.ProcessEgress;
import dev.egressguard.config.AgentSettings;
import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.IssuerTable;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyError;
import dev.egressguard.config.PolicyException;
import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.audit.EvidenceRecorder;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.DecisionEngine;
import dev.egressguard.engine.decision.EgressRequest;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.shell.CommandAnalyzer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The engine behind the bootstrap bridge, for one JVM (SPEC §4, §5.6 outcomes, §12): settings,
 * policy (loaded in the background, awaited by the first decision, reloaded when its file
 * changes), decisions, records, and what the application sees.
 */
public final class AgentRuntime implements EgressHandler {
    /** How long the first request waits for the policy before failMode applies. */
    private static final long READY_TIMEOUT_SECONDS = 30;
    private static final long RELOAD_POLL_MILLIS = 2000;

    private final AgentSettings settings;
    private final PolicySource source;
    private final EndpointRegistry registry;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile DecisionEngine engine;
    /** Set while failMode is closed and no valid policy has loaded: every egress is blocked with it. */
    private volatile String failClosedReason;
    private volatile EvidenceRecorder recorder;
    private volatile DecisionEngine defaultEngine;

    private AgentRuntime(AgentSettings settings) {
        this.settings = settings;
        this.source = new PolicySource(settings.policy());
        this.registry = EndpointRegistry.builtIn();
    }

    /**
     * Resolves settings and starts loading the policy in the background; returns at once.
     * The returned handler waits for the policy on the first request it decides.
     */
    public static EgressHandler start(String agentArgs) {
        AgentSettings s = AgentSettings.resolve(agentArgs, System.getProperties(), System.getenv());
        AgentLog.setLevel(s.logLevel());
        for (String w : s.warnings()) {
            AgentLog.warn(w);
        }
        AgentRuntime runtime = new AgentRuntime(s);
        SELF_THREADS.newThread(runtime::initialise).start();
        return runtime;
    }

    /** Threads of the agent's own: daemon, and marked so their traffic is never inspected (step 0). */
    static final ThreadFactory SELF_THREADS = r -> {
        Thread t = new Thread(() -> {
            EgressDispatcher.markSelfTraffic();
            r.run();
        }, "egress-guard");
        t.setDaemon(true);
        return t;
    };

    private void initialise() {
        try {
            recorder = EvidenceRecorder.open(auditPath(), settings.auditKey(), settings.auditMaxBytes(),
                    settings.agentId(), SELF_THREADS);
            recorder.agentStarted(startDetails());
            Runtime.getRuntime().addShutdownHook(new Thread(recorder::close, "egress-guard-shutdown"));
            loadPolicy(true);
        } catch (Throwable t) {
            AgentLog.error("could not start: " + t);
            if (engine == null && failClosedReason == null) {
                applyFailMode("egress-guard could not start (" + t.getClass().getSimpleName() + ")");
            }
        } finally {
            ready.countDown();
        }
        if (source.isFile()) {
            watchPolicyFile();
        }
    }

    private void loadPolicy(boolean atStart) {
        try {
            Policy p = source.load(registry);
            if (settings.mode() != null) {
                Policy.Builder b = p.toBuilder();
                b.mode = settings.mode();
                p = b.build();
            }
            engine = new DecisionEngine(p, registry, IssuerTable.builtIn(), settings.maxBodyBytes());
            failClosedReason = null;
            if (recorder != null) {
                recorder.policyLoaded(p);
            }
            AgentLog.info("policy '" + p.name() + "' loaded from " + source.location() + " (" + p.mode() + ")");
        } catch (PolicyException e) {
            List<String> errors = new ArrayList<>();
            for (PolicyError err : e.errors()) {
                errors.add(err.toString());
                AgentLog.error(err.toString());
            }
            if (recorder != null) {
                recorder.policyRejected(source.location(), errors);
            }
            if (atStart) {
                applyFailMode("policy " + source.location() + " is invalid: " + errors.get(0));
            } else {
                AgentLog.error("policy reload rejected; the last good policy stays in force");
            }
        }
    }

    /** SPEC §12: closed blocks every egress until a valid policy loads; open applies the default policy. */
    private void applyFailMode(String reason) {
        if ("open".equals(settings.failMode())) {
            AgentLog.warn(reason + "; failMode open: the default policy applies");
            engine = defaultEngine();
        } else {
            AgentLog.error(reason + "; failMode closed: every egress is blocked until a valid policy loads");
            failClosedReason = reason;
        }
    }

    private void watchPolicyFile() {
        long seen = source.lastModified();
        while (true) {
            try {
                Thread.sleep(RELOAD_POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = source.lastModified();
            if (now != seen) {
                seen = now;
                loadPolicy(false);
            }
        }
    }

    // ---------------------------------------------------------------- the bridge

    /** How much of a streamed body the hooks buffer before deciding (SPEC §4 maxBodyBytes). */
    @Override
    public long maxBodyBytes() {
        return settings.maxBodyBytes();
    }

    @Override
    public void onHttpRequest(HttpEgress e) throws EgressBlockedException {
        DecisionEngine eng = awaitEngine();
        if (eng == null) {
            failClosed(RuleKind.NETWORK_REQUEST, e.channel(), e.method(), e.url(), null);
            return;
        }
        Decision d;
        try {
            d = eng.decide(EgressRequest.http(e.channel(), e.method(), e.url(), e.headers(), e.body(),
                    bodyMode(e.bodyState()), e.contentLength()), settings.agentId());
        } catch (RuntimeException | LinkageError ex) {
            internalFailure(ex, RuleKind.NETWORK_REQUEST, e.channel(), e.method(), e.url(), null);
            return;
        }
        act(d, e.method(), d.target() != null ? d.target().url() : "");
        if (d.enforced() && d.action() == Action.REDACT && d.sanitizedBody() != null) {
            e.replaceBody(d.sanitizedBody());
        }
    }

    @Override
    public void onProcessStart(ProcessEgress p) throws EgressBlockedException {
        List<String> argv = Arrays.asList(p.command());
        DecisionEngine eng = awaitEngine();
        if (eng == null) {
            failClosed(RuleKind.SHELL_EXEC, p.channel(), null, null, argv);
            return;
        }
        Decision d;
        try {
            d = eng.decide(EgressRequest.command(p.channel(), argv, p.directory()), settings.agentId());
        } catch (RuntimeException | LinkageError ex) {
            internalFailure(ex, RuleKind.SHELL_EXEC, p.channel(), null, null, argv);
            return;
        }
        act(d, "command", d.command());
        if (d.enforced() && d.action() == Action.REDACT && d.sanitizedArgv() != null) {
            p.replaceCommand(d.sanitizedArgv().toArray(new String[0]));
        }
    }

    /**
     * Records the decision, then shows the application its outcome (SPEC §5.6 "Outcomes"). The request is named
     * {@code verb + " " + subject} ({@code POST https://...}, {@code command ...}), built only when shown: a plain
     * allow, the common case, builds no string at all.
     */
    private void act(Decision d, String verb, String subject) throws EgressBlockedException {
        String incident = record(d);
        if (d.action() == Action.ALLOW) {
            return;
        }
        String what = verb + " " + subject;
        String suffix = incident == null ? "" : " [incident " + incident + "]";
        if (d.blocks()) {
            throw new EgressBlockedException("egress-guard blocked " + what + ": " + d.reason() + suffix, incident);
        }
        if (d.action() == Action.WARN && d.enforced()) {
            AgentLog.warn(what + ": " + d.reason() + suffix);
        } else if (!d.enforced() && d.action() != Action.ALLOW) {
            AgentLog.warn("monitor: would " + d.action().wireName() + " " + what + ": " + d.reason() + suffix);
        } else if (d.action() == Action.REDACT) {
            AgentLog.info("redacted " + what + ": " + d.reason() + suffix);
        }
    }

    private String record(Decision d) {
        EvidenceRecorder r = recorder;
        if (r == null || !d.recorded()) {
            return null;
        }
        try {
            return r.record(d);
        } catch (RuntimeException | LinkageError ex) {
            AgentLog.warnOnce("record", "could not write the audit record: " + ex.getClass().getSimpleName());
            return null;
        }
    }

    private DecisionEngine awaitEngine() {
        try {
            if (!ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                AgentLog.warnOnce("ready", "policy not loaded after " + READY_TIMEOUT_SECONDS + " s; failMode applies");
                return "open".equals(settings.failMode()) ? defaultEngine() : null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DecisionEngine eng = engine;
        return failClosedReason != null ? null : eng;
    }

    /** The default policy's engine, built once: failMode open may ask for it on every request. */
    private DecisionEngine defaultEngine() {
        DecisionEngine e = defaultEngine;
        if (e == null) {
            defaultEngine = e = new DecisionEngine(Policy.defaultPolicy(), registry, IssuerTable.builtIn(),
                    settings.maxBodyBytes());
        }
        return e;
    }

    /** failMode closed with no valid policy: block, with the reason, recorded. */
    private void failClosed(RuleKind kind, String channel, String method, String url, List<String> argv)
            throws EgressBlockedException {
        String reason = failClosedReason != null ? failClosedReason : "policy not loaded";
        blockUndecided(kind, channel, method, url, argv, reason);
    }

    /** SPEC §12: an internal error is logged once per place and the request gets failMode. */
    private void internalFailure(Throwable ex, RuleKind kind, String channel, String method, String url,
                                 List<String> argv) throws EgressBlockedException {
        StackTraceElement[] st = ex.getStackTrace();
        String place = ex.getClass().getName() + (st.length > 0 ? "@" + st[0] : "");
        AgentLog.warnOnce(place, "internal error deciding a " + kind.wireName() + " (" + place + "); failMode "
                + settings.failMode() + " applies");
        if (!"open".equals(settings.failMode())) {
            blockUndecided(kind, channel, method, url, argv, "internal error (failMode closed)");
        }
    }

    private void blockUndecided(RuleKind kind, String channel, String method, String url, List<String> argv,
                                String reason) throws EgressBlockedException {
        Decision.Builder b = new Decision.Builder();
        b.kind = kind;
        b.channel = channel;
        b.method = method;
        b.action = Action.BLOCK;
        b.reason = reason;
        if (url != null) {
            String masked = maskedUrl(url);
            b.target = new Target(masked, hostOf(url), null, dev.egressguard.config.RiskLevel.HIGH, false);
            act(b.build(), method, masked);
        } else {
            // without a policy nothing is known of the arguments: only the program is named
            b.command = argv == null || argv.isEmpty() ? "" : CommandAnalyzer.commandLine(argv.subList(0, 1)) + " ...";
            act(b.build(), "command", b.command);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Path auditPath() {
        String a = settings.audit();
        return a == null || a.equalsIgnoreCase("off") ? null : Paths.get(a);
    }

    private Map<String, Object> startDetails() {
        Map<String, Object> m = new LinkedHashMap<>(settings.toMap());
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("agentVersion", AgentRuntime.class.getPackage().getImplementationVersion());
        return m;
    }

    private static EgressRequest.BodyMode bodyMode(int state) {
        switch (state) {
            case HttpEgress.BODY_REPLACEABLE:
                return EgressRequest.BodyMode.REPLACEABLE;
            case HttpEgress.BODY_FIXED_LENGTH:
                return EgressRequest.BodyMode.FIXED_LENGTH;
            case HttpEgress.BODY_UNREADABLE:
                return EgressRequest.BodyMode.UNREADABLE;
            case HttpEgress.BODY_READ_ONLY:
                return EgressRequest.BodyMode.READ_ONLY;
            default:
                return EgressRequest.BodyMode.NONE;
        }
    }

    /** Without a policy nothing is known of the content, so the whole query goes. */
    private static String maskedUrl(String url) {
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        String s = url;
        if (at > 0 && scheme > 0 && at > scheme) {
            s = url.substring(0, scheme + 3) + url.substring(at + 1);
        }
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    private static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
