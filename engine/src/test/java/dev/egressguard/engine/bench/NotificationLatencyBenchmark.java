package dev.egressguard.engine.bench;

import com.sun.net.httpserver.HttpServer;
import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyLoader;
import dev.egressguard.engine.audit.EvidenceRecorder;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.DecisionEngine;
import dev.egressguard.engine.decision.EgressRequest;
import dev.egressguard.config.IssuerTable;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC §9: notifications never delay the application's request. Decides and records a request
 * that warns (an incident each time, with a distinct body so none is a repeat) with the webhook
 * off, pointing at a receiver that hangs, and at one that answers 500. The three medians should
 * be alike; the receiver's delay must not show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class NotificationLatencyBenchmark {
    @Param({"none", "hanging", "failing"})
    public String receiver;

    private HttpServer server;
    private final CountDownLatch never = new CountDownLatch(1);
    private EvidenceRecorder recorder;
    private DecisionEngine engine;
    private Path dir;
    private final AtomicInteger n = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/hang", exchange -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/fail", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String channel = receiver.equals("hanging") ? base + "/hang" : base + "/fail";
        String yaml = "notifyOnWarn: true\nactionOverrides:\n  - patternType: EMAIL\n    action: warn\n"
                + (receiver.equals("none") ? "" : "notifyChannels: [\"" + channel + "\"]\n");
        Policy policy = new PolicyLoader(EndpointRegistry.builtIn()).parse(yaml, "bench.yaml");
        engine = new DecisionEngine(policy, EndpointRegistry.builtIn(), IssuerTable.builtIn(), 8 << 20);
        dir = Files.createTempDirectory("eg-notify-bench");
        recorder = EvidenceRecorder.open(dir.resolve("audit.jsonl"), null, 100L << 20, "bench", null);
        recorder.policyLoaded(policy);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recorder.close();
        never.countDown();
        server.stop(0);
    }

    @Benchmark
    public String decideAndRecordAWarn() {
        byte[] body = ("{\"content\":\"please reply to user" + n.incrementAndGet() + "@example.com\"}")
                .getBytes(StandardCharsets.UTF_8);
        Decision d = engine.decide(EgressRequest.http("bench", "POST", "https://api.openai.com/v1/chat/completions",
                Map.of(), body, EgressRequest.BodyMode.REPLACEABLE), "bench");
        return recorder.record(d);
    }
}
