package dev.egressguard.it.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server that records every request byte for byte, and counts every byte and connection
 * it receives, so a test can assert that a blocked request sent nothing at all. Handles Content-Length and
 * chunked bodies, {@code Expect: 100-continue}, keep-alive and absolute-form (proxy) targets.
 * <p>
 * Default answers: {@code /redirect?status=302&to=<url>} redirects; everything else is 200 "ok".
 */
public final class RecordingServer implements AutoCloseable {
    /** A response to write back. */
    public record Response(int status, List<String[]> headers, byte[] body) {
        public static Response ok(String body) {
            return new Response(200, List.<String[]>of(new String[] {"Content-Type", "text/plain"}),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response redirect(int status, String location) {
            return new Response(status, List.<String[]>of(new String[] {"Location", location}), new byte[0]);
        }
    }

    private final ServerSocket socket;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Function<RecordedRequest, Response> responder = RecordingServer::defaultResponse;
    private final Thread acceptor;

    public RecordingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "recording-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://<host>:<port><path>}, e.g. {@code url("api.openai.com", "/v1/chat/completions")}. */
    public String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    public void respondWith(Function<RecordedRequest, Response> responder) {
        this.responder = responder;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every byte any client sent, complete requests or not. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    public int connections() {
        return connections.get();
    }

    public void reset() {
        requests.clear();
        bytesReceived.set(0);
        connections.set(0);
        responder = RecordingServer::defaultResponse;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static Response defaultResponse(RecordedRequest request) {
        if (request.path().equals("/redirect")) {
            String query = request.target().substring(request.target().indexOf('?') + 1);
            int status = 302;
            String to = "/";
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = pair.substring(0, eq);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("status")) {
                    status = Integer.parseInt(value);
                } else if (key.equals("to")) {
                    to = value;
                }
            }
            return Response.redirect(status, to);
        }
        return Response.ok("ok");
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "recording-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new CountingInputStream(new BufferedInputStream(client.getInputStream()));
            OutputStream out = client.getOutputStream();
            while (true) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                String requestLine = readLine(in, raw);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                String[] parts = requestLine.split(" ", 3);
                List<String[]> headers = new ArrayList<>();
                String line;
                while ((line = readLine(in, raw)) != null && !line.isEmpty()) {
                    int colon = line.indexOf(':');
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
                if ("100-continue".equalsIgnoreCase(find(headers, "Expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = readBody(in, raw, headers);
                RecordedRequest request = new RecordedRequest(parts[0], parts.length > 1 ? parts[1] : "",
                        parts.length > 2 ? parts[2] : "", List.copyOf(headers), body, raw.toByteArray());
                requests.add(request);
                Response response = responder.apply(request);
                boolean close = "close".equalsIgnoreCase(find(headers, "Connection"));
                write(out, response, close);
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage: what arrived is counted
        }
    }

    private static void write(OutputStream out, Response response, boolean close) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(response.status() == 200 ? "OK" : "Status").append("\r\n");
        for (String[] h : response.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String find(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    private static byte[] readBody(InputStream in, ByteArrayOutputStream raw, List<String[]> headers)
            throws IOException {
        String te = find(headers, "Transfer-Encoding");
        if (te != null && te.toLowerCase().contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in, raw);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    String trailer;
                    while ((trailer = readLine(in, raw)) != null && !trailer.isEmpty()) {
                        // trailers are recorded in raw only
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                raw.write(chunk);
                body.write(chunk);
                readLine(in, raw);
            }
        }
        String length = find(headers, "Content-Length");
        if (length == null) {
            return new byte[0];
        }
        byte[] body = in.readNBytes(Integer.parseInt(length.trim()));
        raw.write(body);
        return body;
    }

    /** A CRLF-terminated line (recorded raw, returned without CRLF); null at end of stream. */
    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            raw.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private final class CountingInputStream extends InputStream {
        private final InputStream in;

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytesReceived.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytesReceived.addAndGet(n);
            }
            return n;
        }
    }
}
