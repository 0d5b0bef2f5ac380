package dev.egressguard.instrumentation.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.HttpEgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OkHttp 3.14 in this JVM against a real loopback server; the forked tests cover 4.x and 5.x. */
class OkHttpHooksTest {
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");
    private ScriptedHandler handler;
    private LoopbackServer server;
    private final OkHttpClient client = new OkHttpClient();

    @BeforeEach
    void setUp() throws IOException {
        handler = Hooks.install();
        server = new LoopbackServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private Request post(String path, String json) {
        return new Request.Builder().url(server.url(path)).post(RequestBody.create(JSON, json)).build();
    }

    @Test
    void cleanRequestArrivesUnchangedAndIsDecidedOnce() throws IOException {
        String json = "{\"q\":\"hello\"}";
        try (Response response = client.newCall(post("/clean", json)).execute()) {
            assertEquals(200, response.code());
        }
        assertEquals(1, server.arrived.size());
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), server.arrived.get(0).body());
        assertEquals(1, handler.seen.size());
        assertEquals("okhttp", handler.seen.get(0).channel());
        assertEquals(HttpEgress.BODY_REPLACEABLE, handler.seen.get(0).bodyState());
        assertEquals(json, handler.seen.get(0).body());
        assertEquals("application/json; charset=utf-8", handler.seen.get(0).contentType());
    }

    @Test
    void blockedExecuteThrowsAndNothingArrives() {
        EgressBlockedException e = assertThrows(EgressBlockedException.class,
                () -> client.newCall(post("/x", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}")).execute());
        assertTrue(e.getMessage().startsWith("egress-guard blocked POST " + server.url("/x")), "message shape");
        assertEquals(0, server.arrived.size());
    }

    @Test
    void blockedEnqueueFailsThroughTheCallback() throws Exception {
        CompletableFuture<IOException> failure = new CompletableFuture<>();
        client.newBuilder().build().newCall(post("/x", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"))
                .enqueue(new Callback() {
                    @Override
                    public void onFailure(Call call, IOException e) {
                        failure.complete(e);
                    }

                    @Override
                    public void onResponse(Call call, Response response) {
                        response.close();
                        failure.complete(null);
                    }
                });
        assertInstanceOf(EgressBlockedException.class, failure.get(10, TimeUnit.SECONDS));
        assertEquals(0, server.arrived.size());
    }

    @Test
    void redactReplacesTheBodyAndItsLength() throws IOException {
        handler.mode = ScriptedHandler.Mode.REDACT;
        try (Response response = client.newCall(post("/r", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}")).execute()) {
            assertEquals(200, response.code());
        }
        LoopbackServer.Arrived arrived = server.arrived.get(0);
        String expected = "{\"ssn\":\"[REDACTED]\"}";
        assertEquals(expected, new String(arrived.body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(expected.length()), arrived.header("Content-Length"));
        assertEquals("application/json; charset=utf-8", arrived.header("Content-Type"));
    }

    @Test
    void eachRedirectHopIsDecidedAndABlockedHopNeverLeaves() {
        handler.mode = ScriptedHandler.Mode.BLOCK_LANDING;
        assertThrows(EgressBlockedException.class,
                () -> client.newCall(new Request.Builder().url(server.url("/redirect302")).build()).execute());
        assertEquals(1, server.arrived.size(), "only the first hop arrives");
        assertEquals(2, handler.seen.size());
        assertTrue(handler.seen.get(1).url().endsWith("/landing"));
    }

    @Test
    void oneShotBodyIsNotReadAndArrivesUnchanged() throws IOException {
        String payload = "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}";
        RequestBody oneShot = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(payload);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
        Request request = new Request.Builder().url(server.url("/one")).post(oneShot).build();
        try (Response response = client.newCall(request).execute()) {
            assertEquals(200, response.code());
        }
        assertEquals(HttpEgress.BODY_UNREADABLE, handler.seen.get(0).bodyState());
        assertEquals(payload, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertFalse(Hooks.TRANSFORMED.isEmpty());
    }
}
