package dev.egressguard.engine.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/** A webhook / collector on 127.0.0.1 that keeps what it was sent and answers as the test says. */
public final class LoopbackReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(String path, String body, Map<String, java.util.List<String>> headers) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** @param answer the status for each request (may block to simulate a hanging receiver) */
    public LoopbackReceiver(Function<Received, Integer> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/", (HttpExchange ex) -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(ex.getRequestURI().getPath(), body, ex.getRequestHeaders());
            int status = answer.apply(r);
            if (status >= 200 && status < 300) {
                received.add(r);
            }
            byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
