package dev.egressguard.it.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every test app prints, one line per request, for {@code AppResult.results()}:
 * <pre>
 * RESULT status=200
 * RESULT error=&lt;class of what the app caught&gt; blocked=&lt;EgressBlockedException in its cause chain&gt; message=&lt;its message&gt;
 * </pre>
 * and how they read their arguments: {@code <mode> [<method> <url> <body>]...}, body {@code -} for none,
 * {@code @path} for a file's bytes; headers for every request from {@code -Dapp.headers=Name: value|Name: value}.
 */
public final class AppOutput {
    private AppOutput() {
    }

    /** One request of an app's argument list. */
    public static final class Request {
        public final String method;
        public final String url;
        /** null for none */
        public final byte[] body;

        Request(String method, String url, byte[] body) {
            this.method = method;
            this.url = url;
            this.body = body;
        }
    }

    public static List<Request> requests(String[] args, int from) {
        List<Request> requests = new ArrayList<>();
        for (int i = from; i + 2 < args.length; i += 3) {
            requests.add(new Request(args[i], args[i + 1], body(args[i + 2])));
        }
        return requests;
    }

    public static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        String spec = System.getProperty("app.headers", "");
        for (String pair : spec.split("\\|")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                headers.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] body(String arg) {
        if (arg.equals("-")) {
            return null;
        }
        if (arg.startsWith("@")) {
            try {
                return Files.readAllBytes(Paths.get(arg.substring(1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return arg.getBytes(StandardCharsets.UTF_8);
    }

    public static void status(int status) {
        System.out.println("RESULT status=" + status);
    }

    public static void error(Throwable caught) {
        Throwable blocked = caught;
        while (blocked != null && !blocked.getClass().getName().equals("dev.egressguard.api.EgressBlockedException")) {
            blocked = blocked.getCause();
        }
        Throwable shown = blocked != null ? blocked : caught;
        String message = String.valueOf(shown.getMessage()).replace('\n', ' ');
        System.out.println("RESULT error=" + caught.getClass().getName() + " blocked=" + (blocked != null)
                + " message=" + message);
    }
}
