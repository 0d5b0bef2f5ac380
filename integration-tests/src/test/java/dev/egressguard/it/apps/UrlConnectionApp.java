package dev.egressguard.it.apps;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;

/**
 * {@code HttpURLConnection}: {@code <buffered|fixed|chunked|chunked-unclosed|openStream> [<method> <url> <body>]...}.
 * {@code fixed} declares the body length, {@code chunked} streams it in 16-byte chunks, written in pieces of
 * 7 bytes; {@code chunked-unclosed} never closes the stream (getResponseCode finishes it);
 * {@code openStream} ignores method and body and reads {@code URL.openStream()}.
 */
public final class UrlConnectionApp {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        for (AppOutput.Request r : AppOutput.requests(args, 1)) {
            try {
                if (mode.equals("openStream")) {
                    try (InputStream in = new URL(r.url).openStream()) {
                        in.readAllBytes();
                    }
                    AppOutput.status(200);
                    continue;
                }
                HttpURLConnection connection = (HttpURLConnection) new URL(r.url).openConnection();
                connection.setRequestMethod(r.method);
                connection.setConnectTimeout(5000);
                connection.setReadTimeout(10000);
                for (Map.Entry<String, String> h : AppOutput.headers().entrySet()) {
                    connection.setRequestProperty(h.getKey(), h.getValue());
                }
                if (r.body != null) {
                    connection.setDoOutput(true);
                    if (mode.equals("fixed")) {
                        connection.setFixedLengthStreamingMode(r.body.length);
                    } else if (mode.startsWith("chunked")) {
                        connection.setChunkedStreamingMode(16);
                    }
                    OutputStream out = connection.getOutputStream();
                    for (int i = 0; i < r.body.length; i += 7) {
                        out.write(r.body, i, Math.min(7, r.body.length - i));
                    }
                    if (!mode.equals("chunked-unclosed")) {
                        out.close();
                    }
                }
                int status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    if (in != null) {
                        in.readAllBytes();
                    }
                }
                AppOutput.status(status);
            } catch (Exception e) {
                AppOutput.error(e);
            }
        }
    }
}
