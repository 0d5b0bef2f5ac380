package dev.egressguard.instrumentation.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real loopback HTTP server that records what arrived. /redirect307 and /redirect302 send to /landing. */
final class LoopbackServer implements AutoCloseable {
    record Arrived(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    final List<Arrived> arrived = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        arrived.add(new Arrived(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (path.startsWith("/redirect")) {
            exchange.getResponseHeaders().add("Location", url("/landing"));
            exchange.sendResponseHeaders(path.endsWith("307") ? 307 : 302, -1);
        } else {
            byte[] ok = "ok".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
