package dev.egressguard.it.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The minimal server of SPEC §13: HTTP/1.1 keep-alive, reads each request and its body, answers
 * a small fixed response in one write with TCP_NODELAY. A raw socket sees the answer to a 4 KB POST
 * about 27 µs after it starts sending ({@link #roundTripMicros}); the spec's server answers in about 30. (The JDK's
 * HttpServer writes headers and body separately, which Nagle and delayed ACKs turn into ~40 ms
 * per request: that would measure the network stack, not the agent.)
 */
final class BenchServer implements AutoCloseable {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 11\r\n\r\n{\"ok\":true}").getBytes(StandardCharsets.US_ASCII);
    private final ServerSocket server;

    BenchServer() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "bench-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Runs the server on its own (scripts/bench/profile-throughput.sh): prints its api.openai.com URL, serves until killed. */
    public static void main(String[] args) throws Exception {
        BenchServer server = new BenchServer();
        System.out.println(server.url(AgentBenchmark.HOST, "/v1/chat/completions"));
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A URL of this server under {@code host}, a name the caller maps to the loopback address. */
    String url(String host, String path) {
        return "http://" + host + ":" + server.getLocalPort() + path;
    }

    /**
     * How long this server takes to answer, as the client sees it: a raw socket sends the benchmark's
     * POST and reads the answer, over and over for {@code seconds}; the median of 1000-request rounds,
     * in µs. No HTTP client library and no agent: the server and the loopback alone.
     */
    double roundTripMicros(String body, int seconds) throws IOException {
        byte[] request = ("POST /v1/chat/completions HTTP/1.1\r\nHost: api.openai.com\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        java.util.List<Double> rounds = new java.util.ArrayList<>();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[RESPONSE.length];
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    out.write(request);
                    for (int got = 0; got < RESPONSE.length; ) {
                        int r = in.read(buffer, 0, RESPONSE.length - got);
                        if (r < 0) {
                            throw new IOException("the server closed the connection");
                        }
                        got += r;
                    }
                }
                rounds.add((System.nanoTime() - start) / 1e3 / 1000);
            }
        }
        java.util.Collections.sort(rounds);
        return rounds.get(rounds.size() / 2);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "bench-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            while (true) {
                long length = readHeaders(in);
                if (length < 0) {
                    return;
                }
                for (long left = length; left > 0; ) {
                    long n = in.skip(left);
                    if (n <= 0) {
                        if (in.read() < 0) {
                            return;
                        }
                        n = 1;
                    }
                    left -= n;
                }
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads one request's headers; its Content-Length, or -1 at the end of the connection. */
    private static long readHeaders(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                String l = line.toString().trim();
                if (l.isEmpty()) {
                    return length;
                }
                if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return any ? length : -1;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
