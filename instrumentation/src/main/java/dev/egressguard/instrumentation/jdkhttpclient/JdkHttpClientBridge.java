package dev.egressguard.instrumentation.jdkhttpclient;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;
import dev.egressguard.api.jdk.JdkHttpClientHooks;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The decisions for {@code java.net.http.HttpClient}, registered as {@link JdkHttpClientHooks} (this class
 * needs java.net.http types, so it lives in the agent's loader, not on the bootstrap path).
 */
final class JdkHttpClientBridge {
    public static final String CHANNEL = "jdk-httpclient";

    /** The JDK's publishers that can be subscribed to again without consuming anything (in memory, or a file). */
    private static final Set<String> REREADABLE = Set.of(
            "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher",
            "jdk.internal.net.http.RequestPublishers$StringPublisher",
            "jdk.internal.net.http.RequestPublishers$FilePublisher");
    private static final String EMPTY = "jdk.internal.net.http.RequestPublishers$EmptyPublisher";

    private JdkHttpClientBridge() {
    }

    /** Decides the application's request; returns it, or its republished copy after a redact. Throws the block. */
    static HttpRequest beforeSend(HttpRequest request) throws EgressBlockedException {
        if (!EgressDispatcher.isInstalled() || request == null) {
            return request;
        }
        Body body = readBody(request, HttpEgress.BODY_REPLACEABLE);
        HttpEgress egress = egress(request, body);
        EgressDispatcher.onHttpRequest(egress);
        byte[] replacement = egress.replacementBody();
        if (replacement == null || body.state != HttpEgress.BODY_REPLACEABLE) {
            return request;
        }
        return republish(request, replacement);
    }

    /**
     * Decides a redirect hop the client is about to follow. Its body (a 307/308 re-send) is inspected again,
     * for the new destination, but the JDK's redirected request cannot take a new body: offered read-only,
     * so that the engine turns a redact into a block and records it as one (SPEC §5.6 step 9).
     */
    static void beforeRedirect(HttpRequest next) throws EgressBlockedException {
        if (!EgressDispatcher.isInstalled() || next == null) {
            return;
        }
        HttpEgress egress = egress(next, readBody(next, HttpEgress.BODY_READ_ONLY));
        EgressDispatcher.onHttpRequest(egress);
        if (egress.replacementBody() != null) {
            // not expected (the engine does not rewrite a read-only body), but nothing altered may go unsent
            throw new EgressBlockedException("egress-guard blocked " + next.method() + " to " + next.uri().getHost()
                    + ": the redirected body must be redacted and cannot be replaced", null);
        }
    }

    static void register() {
        JdkHttpClientHooks.register(request -> beforeSend((HttpRequest) request),
                next -> {
                    beforeRedirect((HttpRequest) next);
                    return next;
                });
    }

    private static HttpEgress egress(HttpRequest request, Body body) {
        Map<String, List<String>> headers;
        try {
            headers = request.headers().map();
        } catch (RuntimeException e) {
            headers = Collections.emptyMap();
        }
        return new HttpEgress(CHANNEL, request.method(), request.uri().toString(), headers,
                body.bytes, body.state, body.length);
    }

    private static Body readBody(HttpRequest request, int readableState) {
        Optional<HttpRequest.BodyPublisher> optional = request.bodyPublisher();
        if (optional.isEmpty()) {
            return new Body(null, HttpEgress.BODY_NONE, 0);
        }
        HttpRequest.BodyPublisher publisher = optional.get();
        String type = publisher.getClass().getName();
        long length = publisher.contentLength();
        if (type.equals(EMPTY) || length == 0) {
            return new Body(null, HttpEgress.BODY_NONE, 0);
        }
        if (!REREADABLE.contains(type) || length < 0 || length > EgressDispatcher.maxBodyBytes()) {
            // one-shot (ofInputStream), foreign (fromPublisher), lazy (ofByteArrays) or oversized: never consumed here
            return new Body(null, HttpEgress.BODY_UNREADABLE, length);
        }
        byte[] bytes = collect(publisher, length);
        return bytes == null ? new Body(null, HttpEgress.BODY_UNREADABLE, length)
                : new Body(bytes, readableState, bytes.length);
    }

    /**
     * Subscribes once to a re-readable publisher and gathers what it publishes straight into an array of its
     * announced length (trimmed or grown should it publish less or more); null when it fails. The JDK's in-memory
     * and file publishers publish within subscribe(), so the wait is only for one that does not.
     */
    private static byte[] collect(HttpRequest.BodyPublisher publisher, long length) {
        Collector collector = new Collector((int) length);
        publisher.subscribe(collector);
        return collector.await();
    }

    /** Copies each published buffer into place; no intermediate stream, chunk copies or final copy. */
    private static final class Collector implements Flow.Subscriber<ByteBuffer> {
        private byte[] bytes;
        private final CountDownLatch done = new CountDownLatch(1);
        private int filled;
        private volatile boolean failed;

        Collector(int length) {
            this.bytes = new byte[length];
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            // reactive streams signal onNext serially; the latch publishes the writes to the waiting thread
            int n = item.remaining();
            if (n > bytes.length - filled) {
                bytes = Arrays.copyOf(bytes, Math.max(filled + n, bytes.length * 2));
            }
            item.get(bytes, filled, n);
            filled += n;
        }

        @Override
        public void onError(Throwable throwable) {
            failed = true;
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        byte[] await() {
            try {
                if (!done.await(10, TimeUnit.SECONDS)) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (failed) {
                return null;
            }
            return filled == bytes.length ? bytes : Arrays.copyOf(bytes, filled);
        }
    }

    /** A copy of the request with a new body; works on JDK 11+ (newBuilder(request, filter) is JDK 16+). */
    private static HttpRequest republish(HttpRequest request, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .expectContinue(request.expectContinue());
        request.timeout().ifPresent(builder::timeout);
        request.version().ifPresent(builder::version);
        request.headers().map().forEach((name, values) -> {
            for (String value : values) {
                builder.header(name, value);
            }
        });
        return builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static final class Body {
        final byte[] bytes;
        final int state;
        final long length;

        Body(byte[] bytes, int state, long length) {
            this.bytes = bytes;
            this.state = state;
            this.length = length;
        }
    }
}
