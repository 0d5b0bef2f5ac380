package dev.egressguard.instrumentation.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.api.EgressBlockedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HttpClient 5.5 classic and async in this JVM against a real loopback server. */
class Apache5HooksTest {
    private ScriptedHandler handler;
    private LoopbackServer server;
    private CloseableHttpClient classic;
    private CloseableHttpAsyncClient async;

    @BeforeEach
    void setUp() throws IOException {
        handler = Hooks.install();
        server = new LoopbackServer();
        classic = HttpClients.createDefault();
        async = HttpAsyncClients.createDefault();
        async.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        classic.close();
        async.close();
        server.close();
    }

    private HttpPost post(String path, String json) {
        HttpPost post = new HttpPost(server.url(path));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return post;
    }

    private SimpleHttpRequest simplePost(String path, String json) {
        return SimpleRequestBuilder.post(server.url(path)).setBody(json, ContentType.APPLICATION_JSON).build();
    }

    private static final class Outcome implements FutureCallback<SimpleHttpResponse> {
        final CompletableFuture<Object> result = new CompletableFuture<>();

        @Override
        public void completed(SimpleHttpResponse response) {
            result.complete(response);
        }

        @Override
        public void failed(Exception ex) {
            result.complete(ex);
        }

        @Override
        public void cancelled() {
            result.complete("cancelled");
        }
    }

    @Test
    void classicCleanRequestArrivesUnchanged() throws IOException {
        String json = "{\"q\":\"hello\"}";
        classic.execute(post("/clean", json), response -> response.getCode());
        assertEquals(json, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(1, handler.seen.size());
        assertEquals("apache-httpclient5", handler.seen.get(0).channel());
        assertEquals(server.url("/clean"), handler.seen.get(0).url());
    }

    @Test
    void classicBlockThrowsAndNothingArrives() {
        assertThrows(EgressBlockedException.class,
                () -> classic.execute(post("/x", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"), response -> response.getCode()));
        assertEquals(0, server.arrived.size());
        assertEquals(1, handler.seen.size(), "one decision, no retries");
    }

    @Test
    void classicRedactReplacesEntity() throws IOException {
        handler.mode = ScriptedHandler.Mode.REDACT;
        classic.execute(post("/r", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"), response -> response.getCode());
        String expected = "{\"ssn\":\"[REDACTED]\"}";
        assertEquals(expected, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(expected.length()), server.arrived.get(0).header("Content-Length"));
        assertEquals("application/json; charset=UTF-8", server.arrived.get(0).header("Content-Type"));
    }

    @Test
    void classicRedirectHopIsDecided() {
        handler.mode = ScriptedHandler.Mode.BLOCK_LANDING;
        assertThrows(EgressBlockedException.class,
                () -> classic.execute(new HttpGet(server.url("/redirect302")), response -> response.getCode()));
        assertEquals(1, server.arrived.size());
        assertEquals(2, handler.seen.size());
    }

    @Test
    void asyncCleanRequestArrivesUnchanged() throws Exception {
        String json = "{\"q\":\"hello\"}";
        SimpleHttpResponse response = async.execute(simplePost("/clean", json), null).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.getCode());
        assertEquals(json, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(1, handler.seen.size());
        assertEquals(json, handler.seen.get(0).body());
    }

    @Test
    void asyncBlockFailsFutureAndCallback() throws Exception {
        Outcome outcome = new Outcome();
        Future<SimpleHttpResponse> future = async.execute(simplePost("/x", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"), outcome);
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(EgressBlockedException.class, e.getCause());
        assertInstanceOf(EgressBlockedException.class, outcome.result.get(10, TimeUnit.SECONDS));
        assertEquals(0, server.arrived.size());
    }

    @Test
    void asyncRedactReplacesProducer() throws Exception {
        handler.mode = ScriptedHandler.Mode.REDACT;
        async.execute(simplePost("/r", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"), null).get(10, TimeUnit.SECONDS);
        String expected = "{\"ssn\":\"[REDACTED]\"}";
        assertEquals(expected, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(expected.length()), server.arrived.get(0).header("Content-Length"));
        assertTrue(server.arrived.get(0).header("Content-Type").startsWith("application/json"));
    }

    @Test
    void asyncRedirectHopIsDecided() throws Exception {
        handler.mode = ScriptedHandler.Mode.BLOCK_LANDING;
        Outcome outcome = new Outcome();
        Future<SimpleHttpResponse> future = async.execute(SimpleRequestBuilder.get(server.url("/redirect302")).build(), outcome);
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(EgressBlockedException.class, e.getCause());
        assertEquals(1, server.arrived.size());
        assertEquals(2, handler.seen.size());
    }

    @Test
    void everyHookApplied() throws Exception {
        classic.execute(new HttpGet(server.url("/clean")), response -> response.getCode());
        async.execute(SimpleRequestBuilder.get(server.url("/clean")).build(), null).get(10, TimeUnit.SECONDS);
        assertTrue(Hooks.ERRORS.isEmpty(), () -> "hooks failed to apply: " + Hooks.ERRORS);
    }

    @Test
    void classicRedirectThatResendsTheBodyIsDecidedWithIt() throws IOException {
        handler.mode = ScriptedHandler.Mode.BLOCK_LANDING;
        assertThrows(EgressBlockedException.class,
                () -> classic.execute(post("/redirect307", "{\"q\":\"hello\"}"), response -> response.getCode()));
        assertEquals(2, handler.seen.size());
        assertEquals("POST", handler.seen.get(1).method());
        assertEquals("{\"q\":\"hello\"}", handler.seen.get(1).body());
        assertEquals(1, server.arrived.size(), "the hop to /landing never left");
    }

    @Test
    void minimalAndHttp2AsyncClientsAreCoveredToo() throws Exception {
        try (CloseableHttpAsyncClient minimal = HttpAsyncClients.createMinimal();
             CloseableHttpAsyncClient h2 = HttpAsyncClients.createHttp2Default()) {
            minimal.start();
            h2.start();
            String json = "{\"q\":\"hello\"}";
            assertEquals(200, minimal.execute(simplePost("/clean", json), null).get(10, TimeUnit.SECONDS).getCode());
            assertEquals(json, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
            for (CloseableHttpAsyncClient client : List.of(minimal, h2)) {
                Outcome outcome = new Outcome();
                Future<SimpleHttpResponse> future = client.execute(
                        simplePost("/x", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"), outcome);
                ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
                assertInstanceOf(EgressBlockedException.class, e.getCause());
                assertInstanceOf(EgressBlockedException.class, outcome.result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, server.arrived.size(), "neither blocked request was sent");
            assertEquals(3, handler.seen.size());
        }
    }

    @Test
    void producerBodiesAreReadAndReplacedTextAndBytesAlike() throws Exception {
        handler.mode = ScriptedHandler.Mode.REDACT;
        String json = "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}";
        String redacted = "{\"ssn\":\"[REDACTED]\"}";
        async.execute(AsyncRequestBuilder.post(server.url("/text")).setEntity(json, ContentType.APPLICATION_JSON).build(),
                SimpleResponseConsumer.create(), null).get(10, TimeUnit.SECONDS);
        async.execute(AsyncRequestBuilder.post(server.url("/bytes"))
                        .setEntity(json.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON).build(),
                SimpleResponseConsumer.create(), null).get(10, TimeUnit.SECONDS);
        assertEquals(json, handler.seen.get(0).body());
        assertEquals(json, handler.seen.get(1).body());
        assertEquals(redacted, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(redacted, new String(server.arrived.get(1).body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(redacted.length()), server.arrived.get(1).header("Content-Length"));
    }
}
