package dev.egressguard.it.apps.apache5;

import dev.egressguard.it.apps.AppOutput;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * Apache HttpClient 5 as an application uses it. {@code Apache5App <mode> [<method> <url> <body>]...},
 * modes: {@code classic}, {@code async} (SimpleHttpRequest), {@code producer} (an AsyncRequestProducer
 * from AsyncRequestBuilder). Async modes print the future's outcome as the RESULT, then
 * {@code CALLBACK completed|failed <class>}. Content-Type from -Dapp.headers, else JSON.
 */
public final class Apache5App {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Map<String, String> headers = AppOutput.headers();
        ContentType type = ContentType.parse(headers.getOrDefault("Content-Type", "application/json; charset=UTF-8"));
        if (mode.equals("classic")) {
            try (CloseableHttpClient client = HttpClients.custom().setRedirectStrategy(new DefaultRedirectStrategy()).build()) {
                for (AppOutput.Request r : AppOutput.requests(args, 1)) {
                    ClassicRequestBuilder builder = ClassicRequestBuilder.create(r.method).setUri(r.url);
                    headers.forEach((k, v) -> {
                        if (!k.equalsIgnoreCase("Content-Type")) {
                            builder.addHeader(k, v);
                        }
                    });
                    if (r.body != null) {
                        builder.setEntity(new ByteArrayEntity(r.body, type));
                    }
                    try {
                        int status = client.execute(builder.build(), response -> {
                            EntityUtils.consume(response.getEntity());
                            return response.getCode();
                        });
                        AppOutput.status(status);
                    } catch (Exception e) {
                        AppOutput.error(e);
                    }
                }
            }
            return;
        }
        try (CloseableHttpAsyncClient client = HttpAsyncClients.createDefault()) {
            client.start();
            for (AppOutput.Request r : AppOutput.requests(args, 1)) {
                Callback callback = new Callback();
                Future<SimpleHttpResponse> future;
                if (mode.equals("async")) {
                    SimpleRequestBuilder builder = SimpleRequestBuilder.create(r.method).setUri(r.url);
                    headers.forEach((k, v) -> {
                        if (!k.equalsIgnoreCase("Content-Type")) {
                            builder.addHeader(k, v);
                        }
                    });
                    if (r.body != null) {
                        builder.setBody(r.body, type);
                    }
                    SimpleHttpRequest request = builder.build();
                    future = client.execute(request, callback);
                } else {
                    AsyncRequestBuilder builder = AsyncRequestBuilder.create(r.method).setUri(r.url);
                    headers.forEach((k, v) -> {
                        if (!k.equalsIgnoreCase("Content-Type")) {
                            builder.addHeader(k, v);
                        }
                    });
                    if (r.body != null) {
                        builder.setEntity(r.body, type);
                    }
                    AsyncRequestProducer producer = builder.build();
                    future = client.execute(producer, SimpleResponseConsumer.create(), callback);
                }
                try {
                    AppOutput.status(future.get(30, TimeUnit.SECONDS).getCode());
                } catch (Exception e) {
                    AppOutput.error(e);
                }
                System.out.println("CALLBACK " + callback.outcome());
            }
        }
    }

    /** The future completes before its callback runs: outcome() waits for the callback. */
    static final class Callback implements FutureCallback<SimpleHttpResponse> {
        private final CompletableFuture<String> outcome = new CompletableFuture<>();

        @Override
        public void completed(SimpleHttpResponse result) {
            outcome.complete("completed");
        }

        @Override
        public void failed(Exception ex) {
            outcome.complete("failed " + ex.getClass().getName());
        }

        @Override
        public void cancelled() {
            outcome.complete("cancelled");
        }

        String outcome() {
            try {
                return outcome.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                return "none";
            }
        }
    }
}
