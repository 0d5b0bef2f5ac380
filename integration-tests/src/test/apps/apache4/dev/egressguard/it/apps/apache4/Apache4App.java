package dev.egressguard.it.apps.apache4;

import dev.egressguard.it.apps.AppOutput;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.client.LaxRedirectStrategy;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4.5 as an application uses it. {@code Apache4App <mode> [<method> <url> <body>]...},
 * modes: {@code closeable} (HttpClients.custom() with redirects of every method followed),
 * {@code legacy} (DefaultHttpClient), {@code streaming} (closeable, a non-repeatable stream entity).
 * Content-Type from -Dapp.headers, else JSON.
 */
@SuppressWarnings("deprecation")
public final class Apache4App {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HttpClient client = mode.equals("legacy") ? new DefaultHttpClient()
                : HttpClients.custom().setRedirectStrategy(new LaxRedirectStrategy()).build();
        Map<String, String> headers = AppOutput.headers();
        ContentType type = ContentType.parse(headers.getOrDefault("Content-Type", "application/json; charset=UTF-8"));
        for (AppOutput.Request r : AppOutput.requests(args, 1)) {
            RequestBuilder builder = RequestBuilder.create(r.method).setUri(r.url);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (!h.getKey().equalsIgnoreCase("Content-Type")) {
                    builder.addHeader(h.getKey(), h.getValue());
                }
            }
            if (r.body != null) {
                HttpEntity entity = mode.equals("streaming")
                        ? new InputStreamEntity(new ByteArrayInputStream(r.body), r.body.length, type)
                        : new ByteArrayEntity(r.body, type);
                builder.setEntity(entity);
            }
            HttpUriRequest request = builder.build();
            try {
                HttpResponse response = client.execute(request);
                EntityUtils.consume(response.getEntity());
                AppOutput.status(response.getStatusLine().getStatusCode());
            } catch (Exception e) {
                AppOutput.error(e);
            }
        }
        if (client instanceof java.io.Closeable) {
            ((java.io.Closeable) client).close();
        }
    }
}
