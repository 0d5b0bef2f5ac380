package dev.egressguard.it.apps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * {@code java.net.http.HttpClient}: {@code <send|async|stream> [<method> <url> <body>]...}; {@code stream}
 * sends the body through {@code ofInputStream} (one-shot). Follows redirects (NORMAL), HTTP/1.1.
 */
public final class JdkHttpClientApp {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (AppOutput.Request r : AppOutput.requests(args, 1)) {
            HttpRequest.BodyPublisher publisher;
            if (r.body == null) {
                publisher = HttpRequest.BodyPublishers.noBody();
            } else if (mode.equals("stream")) {
                byte[] body = r.body;
                publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
            } else {
                publisher = HttpRequest.BodyPublishers.ofByteArray(r.body);
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(r.url))
                    .timeout(Duration.ofSeconds(10)).method(r.method, publisher);
            AppOutput.headers().forEach(builder::header);
            HttpRequest request = builder.build();
            try {
                HttpResponse<String> response;
                if (mode.equals("async")) {
                    response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get();
                } else {
                    response = client.send(request, HttpResponse.BodyHandlers.ofString());
                }
                AppOutput.status(response.statusCode());
            } catch (ExecutionException e) {
                AppOutput.error(e);
            } catch (Exception e) {
                AppOutput.error(e);
            }
        }
    }
}
