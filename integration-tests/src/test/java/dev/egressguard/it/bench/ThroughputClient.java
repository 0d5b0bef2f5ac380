package dev.egressguard.it.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Keep-alive loopback POSTs of a clean 4 KB JSON body, one connection, for a fixed time after a
 * warm-up; prints requests per second. Arguments: client (okhttp, jdk), URL, seconds, warm-up seconds.
 */
public final class ThroughputClient {
    public static void main(String[] args) throws Exception {
        String client = args[0];
        String url = args[1];
        long seconds = Long.parseLong(args[2]);
        long warmup = args.length > 3 ? Long.parseLong(args[3]) : Math.max(2, seconds / 2);
        String body = CleanPrompt.json(4096);
        Runnable call = client.equals("okhttp") ? okhttp(url, body) : jdk(url, body);
        requestsUntil(call, System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup));
        long jitBefore = jitMillis();
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        long n = requestsUntil(call, start + TimeUnit.SECONDS.toNanos(seconds));
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.println("rps=" + Math.round(rate));
        // on a 2-core machine the client, the server and the agent share the CPU: this is what a request costs it
        System.out.println("cpu_us_per_request=" + Math.round((cpuNanos() - cpuBefore) / 1e3 / n * 10) / 10.0);
        // JIT compilation still running in the measured window takes a core from the client on a small machine
        System.out.println("jit_ms=" + (jitMillis() - jitBefore));
    }

    /**
     * Calls {@code call} until {@code endNanos}; returns how many calls were made. Warm-up and
     * measurement share this one loop: a second loop of its own would be compiled afresh (an OSR
     * compilation with the whole client inlined) inside the measured window.
     */
    static long requestsUntil(Runnable call, long endNanos) {
        long n = 0;
        while (System.nanoTime() < endNanos) {
            call.run();
            n++;
        }
        return n;
    }

    /** CPU time of this whole process (every thread, user and system), or 0 when not reported. */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** Total time the JIT compilers have spent so far (wall time of compilations), or 0 when not reported. */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    static Runnable okhttp(String url, String body) {
        OkHttpClient c = new OkHttpClient();
        MediaType json = MediaType.get("application/json");
        return () -> {
            Request r = new Request.Builder().url(url).post(RequestBody.create(body, json)).build();
            try (Response resp = c.newCall(r).execute()) {
                resp.body().bytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Runnable jdk(String url, String body) {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(url);
        return () -> {
            HttpRequest r = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                c.send(r, HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
