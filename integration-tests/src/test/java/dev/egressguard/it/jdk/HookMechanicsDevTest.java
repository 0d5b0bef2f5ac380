package dev.egressguard.it.jdk;

import dev.egressguard.it.apps.DevHandlerLauncher;
import dev.egressguard.it.apps.JdkHttpClientApp;
import dev.egressguard.it.apps.ProcessApp;
import dev.egressguard.it.apps.UrlConnectionApp;
import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.RecordedRequest;
import dev.egressguard.it.harness.RecordingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TEMPORARY: the hooks' mechanics (what reaches the server on allow, redact and block) with
 * {@code TemporaryDevHandler} instead of the real runtime. Delete with that handler.
 */
class HookMechanicsDevTest {
    static RecordingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    static AppResult run(Class<?> app, String... args) {
        List<String> all = new ArrayList<>();
        all.add(app.getName());
        all.addAll(List.of(args));
        return AgentJvm.app(DevHandlerLauncher.class).systemProperty("egressguard.it.devHandler", "true")
                .args(all).run();
    }

    @Test
    void jdkClientAllowsRedactsAndBlocks() {
        String url = server.url("api.openai.com", "/v1/chat");
        String clean = "{\"q\":\"hello\"}";
        AppResult r = run(JdkHttpClientApp.class, "send", "POST", url, clean,
                "POST", url, "{\"q\":\"REDACTME\"}", "POST", url, "{\"q\":\"" + Policies.ssn() + "\"}");
        assertEquals("status=200", r.result(0), r::toString);
        assertEquals("status=200", r.result(1), r::toString);
        assertTrue(r.result(2).startsWith("error=dev.egressguard.api.EgressBlockedException blocked=true"), r::toString);
        List<RecordedRequest> got = server.requests();
        assertEquals(2, got.size());
        assertEquals(clean, got.get(0).bodyUtf8());
        assertEquals("{\"q\":\"********\"}", got.get(1).bodyUtf8());
        assertEquals("16", got.get(1).header("Content-Length"));
    }

    @Test
    void jdkClientAsyncFailsTheFuture() {
        String url = server.url("api.openai.com", "/v1/chat");
        AppResult r = run(JdkHttpClientApp.class, "async", "POST", url, "x " + Policies.ssn());
        assertTrue(r.result(0).startsWith("error=java.util.concurrent.ExecutionException blocked=true"), r::toString);
        assertEquals(0, server.bytesReceived());
    }

    @Test
    void jdkClientRedirectHopIsDecided() {
        String target = server.url("pastebin.com", "/final");
        String url = server.url("api.github.com", "/redirect?status=307&to=" + target);
        AppResult r = run(JdkHttpClientApp.class, "send", "POST", url, "plain body");
        assertEquals("status=200", r.result(0), r::toString);
        assertEquals(2, r.stdout().lines().filter(l -> l.startsWith("DECIDE jdk-httpclient")).count(), r::toString);
    }

    @Test
    void urlConnectionModes() {
        String url = server.url("api.openai.com", "/v1/x");
        for (String mode : List.of("buffered", "fixed", "chunked")) {
            server.reset();
            AppResult r = run(UrlConnectionApp.class, mode, "POST", url, "clean body of thirty bytes....",
                    "POST", url, "{\"q\":\"REDACTME\"}", "POST", url, "{\"q\":\"" + Policies.ssn() + "\"}");
            assertEquals("status=200", r.result(0), mode + "\n" + r);
            assertEquals("status=200", r.result(1), mode + "\n" + r);
            assertTrue(r.result(2).startsWith("error=dev.egressguard.api.EgressBlockedException blocked=true"),
                    mode + "\n" + r);
            List<RecordedRequest> got = server.requests();
            assertEquals(2, got.size(), mode);
            assertEquals("clean body of thirty bytes....", got.get(0).bodyUtf8(), mode);
            assertEquals("{\"q\":\"********\"}", got.get(1).bodyUtf8(), mode);
            assertEquals(3, r.stdout().lines().filter(l -> l.startsWith("DECIDE urlconnection")).count(),
                    mode + "\n" + r);
        }
    }

    @Test
    void urlConnectionBlockSendsNothing() {
        String url = server.url("api.openai.com", "/v1/x");
        for (String mode : List.of("buffered", "fixed", "chunked")) {
            server.reset();
            AppResult r = run(UrlConnectionApp.class, mode, "POST", url, "{\"q\":\"" + Policies.ssn() + "\"}");
            assertTrue(r.result(0).contains("blocked=true"), mode + "\n" + r);
            assertEquals(0, server.bytesReceived(), mode);
        }
    }

    @Test
    void openStreamIsDecided() {
        AppResult r = run(UrlConnectionApp.class, "openStream", "GET", server.url("example.com", "/a"), "-");
        assertEquals("status=200", r.result(0), r::toString);
        assertEquals(1, r.stdout().lines().filter(l -> l.startsWith("DECIDE urlconnection GET")).count(), r::toString);
    }

    @Test
    void processBlockAndRewrite() {
        AppResult r = run(ProcessApp.class, "builder", "echo", "REDACTME");
        assertTrue(r.stdout().contains("OUT ********"), r::toString);
        AppResult blocked = run(ProcessApp.class, "builder", "echo", Policies.ssn());
        assertTrue(blocked.result(0).startsWith("error=java.io.IOException blocked=true"), blocked::toString);
    }
}
