package dev.egressguard.instrumentation.clients;

import org.apache.http.impl.client.LaxRedirectStrategy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.HttpEgress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HttpClient 4.5 in this JVM, the builder's client and the legacy DefaultHttpClient alike. */
@SuppressWarnings("deprecation")
class Apache4HooksTest {
    private ScriptedHandler handler;
    private LoopbackServer server;

    @BeforeEach
    void setUp() throws IOException {
        handler = Hooks.install();
        server = new LoopbackServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static HttpClient client(String kind) {
        return kind.equals("legacy") ? new DefaultHttpClient() : HttpClients.createDefault();
    }

    private static void send(HttpClient client, org.apache.http.client.methods.HttpUriRequest request) throws IOException {
        HttpResponse response = client.execute(request);
        EntityUtils.consume(response.getEntity());
    }

    private HttpPost post(String path, String json) {
        HttpPost post = new HttpPost(server.url(path));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return post;
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void cleanRequestArrivesUnchanged(String kind) throws IOException {
        String json = "{\"q\":\"hello\"}";
        send(client(kind), post("/clean", json));
        assertEquals(json, new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(1, handler.seen.size());
        assertEquals("apache-httpclient4", handler.seen.get(0).channel());
        assertEquals(server.url("/clean"), handler.seen.get(0).url());
        assertEquals("application/json; charset=UTF-8", handler.seen.get(0).contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void blockedExecuteThrowsAndNothingArrives(String kind) {
        HttpClient client = client(kind);
        EgressBlockedException e = assertThrows(EgressBlockedException.class,
                () -> send(client, post("/x", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}")));
        assertTrue(e.getMessage().startsWith("egress-guard blocked POST "), "message shape");
        assertEquals(0, server.arrived.size());
        assertEquals(1, handler.seen.size(), "one decision, no retries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void redactReplacesEntityKeepingContentType(String kind) throws IOException {
        handler.mode = ScriptedHandler.Mode.REDACT;
        send(client(kind), post("/r", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"));
        LoopbackServer.Arrived arrived = server.arrived.get(0);
        String expected = "{\"ssn\":\"[REDACTED]\"}";
        assertEquals(expected, new String(arrived.body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(expected.length()), arrived.header("Content-Length"));
        assertEquals("application/json; charset=UTF-8", arrived.header("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void eachRedirectHopIsDecided(String kind) {
        handler.mode = ScriptedHandler.Mode.BLOCK_LANDING;
        HttpClient client = client(kind);
        assertThrows(EgressBlockedException.class, () -> send(client, new HttpGet(server.url("/redirect302"))));
        assertEquals(1, server.arrived.size(), "only the first hop arrives");
        assertEquals(2, handler.seen.size());
        assertEquals(server.url("/landing"), handler.seen.get(1).url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void streamingEntityIsNotRead(String kind) throws IOException {
        byte[] payload = ("{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpPost post = new HttpPost(server.url("/s"));
        post.setEntity(new InputStreamEntity(new ByteArrayInputStream(payload), payload.length, ContentType.APPLICATION_JSON));
        send(client(kind), post);
        assertEquals(HttpEgress.BODY_UNREADABLE, handler.seen.get(0).bodyState());
        assertEquals(new String(payload, StandardCharsets.UTF_8), new String(server.arrived.get(0).body(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable"})
    void clientClosesCleanly(String kind) throws IOException {
        ((CloseableHttpClient) client(kind)).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"closeable", "legacy"})
    void aRedirectThatResendsTheBodyIsDecidedWithIt(String kind) throws IOException {
        handler.mode = ScriptedHandler.Mode.REDACT;
        HttpClient client = kind.equals("legacy") ? new DefaultHttpClient()
                : HttpClients.custom().setRedirectStrategy(new LaxRedirectStrategy()).build();
        if (client instanceof DefaultHttpClient) {
            ((DefaultHttpClient) client).setRedirectStrategy(new LaxRedirectStrategy());
        }
        send(client, post("/redirect307", "{\"ssn\":\"" + ScriptedHandler.MARKER + "\"}"));
        String redacted = "{\"ssn\":\"[REDACTED]\"}";
        assertEquals(2, handler.seen.size());
        assertEquals(server.url("/landing"), handler.seen.get(1).url());
        assertEquals(redacted, handler.seen.get(1).body());
        assertEquals(2, server.arrived.size());
        assertEquals(redacted, new String(server.arrived.get(1).body(), StandardCharsets.UTF_8));
    }
}
