package dev.egressguard.it.apps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * For attaching the agent to a running JVM: sends {@code args[1]} to {@code args[0]} (loading the JDK client),
 * prints {@code READY}, waits until the file {@code args[2]} exists (the agent is attached), sends it again.
 */
public final class LateAttachApp {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        send(client, args[0], args[1]);
        System.out.println("READY");
        System.out.flush();
        Path go = Paths.get(args[2]);
        for (int i = 0; i < 600 && !Files.exists(go); i++) {
            Thread.sleep(50);
        }
        send(client, args[0], args[1]);
    }

    private static void send(HttpClient client, String url, String body) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            AppOutput.status(r.statusCode());
        } catch (Exception e) {
            AppOutput.error(e);
        }
    }
}
