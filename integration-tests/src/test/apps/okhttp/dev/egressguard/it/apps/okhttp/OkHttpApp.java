package dev.egressguard.it.apps.okhttp;

import dev.egressguard.it.apps.AppOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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

/**
 * OkHttp as an application uses it; compiled against each OkHttp version under test (3.14 API, which
 * 4.x and 5.x keep). {@code OkHttpApp <mode> [<method> <url> <body>]...}, modes:
 * {@code execute}, {@code enqueue}, {@code copy} (a newBuilder() copy of the client), {@code oneshot}
 * (a body that can be written once). Content-Type from -Dapp.headers, else JSON.
 */
public final class OkHttpApp {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        OkHttpClient base = new OkHttpClient();
        OkHttpClient client = mode.equals("copy")
                ? base.newBuilder().readTimeout(20, TimeUnit.SECONDS).addInterceptor(chain -> chain.proceed(chain.request())).build()
                : base;
        Map<String, String> headers = AppOutput.headers();
        MediaType type = MediaType.parse(headers.getOrDefault("Content-Type", "application/json; charset=utf-8"));
        List<AppOutput.Request> requests = AppOutput.requests(args, 1);
        for (AppOutput.Request r : requests) {
            Request.Builder builder = new Request.Builder().url(r.url);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (!h.getKey().equalsIgnoreCase("Content-Type")) {
                    builder.header(h.getKey(), h.getValue());
                }
            }
            RequestBody body = r.body == null ? null
                    : mode.equals("oneshot") ? oneShot(type, r.body) : RequestBody.create(type, r.body);
            Request request = builder.method(r.method, body).build();
            if (mode.equals("enqueue")) {
                enqueue(client, request);
            } else {
                try (Response response = client.newCall(request).execute()) {
                    response.body().string();
                    AppOutput.status(response.code());
                } catch (Exception e) {
                    AppOutput.error(e);
                }
            }
        }
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    private static void enqueue(OkHttpClient client, Request request) throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                AppOutput.error(e);
                System.out.println("CALLBACK onFailure");
                done.complete("failure");
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (Response closing = response) {
                    closing.body().string();
                    AppOutput.status(closing.code());
                    System.out.println("CALLBACK onResponse");
                }
                done.complete("response");
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    /** A body the application can produce only once: egress-guard must not read it. */
    private static RequestBody oneShot(MediaType type, byte[] bytes) {
        return new RequestBody() {
            private boolean written;

            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                if (written) {
                    throw new IllegalStateException("one-shot body written twice");
                }
                written = true;
                sink.write(bytes);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
    }
}
