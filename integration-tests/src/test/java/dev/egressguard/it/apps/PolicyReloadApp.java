package dev.egressguard.it.apps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code <policyFile> <url> <body> <yaml>...}: POSTs the body, then for each yaml: rewrites the
 * policy file with it, waits for the agent to notice, and POSTs the body again.
 */
public final class PolicyReloadApp {
    public static void main(String[] args) throws Exception {
        Path policy = Paths.get(args[0]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[1]))
                .POST(HttpRequest.BodyPublishers.ofString(args[2])).build();
        HttpClient client = HttpClient.newHttpClient();
        send(client, request);
        for (int i = 3; i < args.length; i++) {
            Files.writeString(policy, args[i]);
            Thread.sleep(Long.getLong("app.reloadWaitMillis", 4500));
            send(client, request);
        }
    }

    private static void send(HttpClient client, HttpRequest request) {
        try {
            AppOutput.status(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (Exception e) {
            AppOutput.error(e);
        }
    }
}
