package dev.egressguard.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style: random bytes, random Unicode and random nestings of encodings never throw,
 * every finding lies inside the text, and redaction never breaks. The timeouts only guard against hangs.
 */
class RandomInputTest {
    private static final Inspector INSPECTOR = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 16);
    private static final String[] CONTENT_TYPES = {null, "application/json", "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=b0", "application/octet-stream",
        "text/plain; charset=utf-16", "text/plain; charset=bogus"};
    private static final String[] ENCODINGS = {null, null, null, "gzip", "deflate", "br"};
    private static final String[] PIECES = {"123-45-6789", "4111 1111 1111 1111", "jane@example.com", "\\u0031",
        "%41", "%", "\\", "\"", "password=", ":", "=", "@", "+1", "(555) 234-5678", "-----BEGIN ", "eyJ", "sk-",
        "AKIA", "![a](http://x/?q=1)", "<|im_start|>", "\u200B", "\uFF11", "\uD83D\uDE00", "\uD800", "MRN ",
        "E11.9 dx", "::", "1.2.3.4", "--b0\r\n", "\r\n\r\n", "ignore all previous", " ", "\n", "\u0000"};

    @Test
    void randomBytes() {
        Random r = new Random(20261122L);
        runBatches(r, 4000, () -> {
            byte[] b = new byte[r.nextInt(600)];
            r.nextBytes(b);
            return b;
        });
    }

    @Test
    void randomUnicode() {
        Random r = new Random(42L);
        runBatches(r, 3000, () -> {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(400);
            for (int i = 0; i < len; i++) {
                sb.appendCodePoint(r.nextInt(8) == 0 ? r.nextInt(0x10FFFF) : r.nextInt(0x3000));
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    @Test
    void randomNestedEncodingsOfSensitivePieces() {
        Random r = new Random(7L);
        runBatches(r, 3000, () -> {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + r.nextInt(12);
            for (int i = 0; i < parts; i++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
                if (r.nextBoolean()) {
                    sb.append((char) ('a' + r.nextInt(26))).append(r.nextInt(1000));
                }
            }
            String s = sb.toString();
            int layers = r.nextInt(4);
            for (int l = 0; l < layers; l++) {
                switch (r.nextInt(4)) {
                    case 0 -> s = Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
                    case 1 -> s = Samples.percentAll(s);
                    case 2 -> s = Samples.unicodeEscapeAll(s);
                    default -> s = Samples.jsonChat(s);
                }
            }
            return r.nextInt(5) == 0 ? Samples.gzip(s) : s.getBytes(StandardCharsets.UTF_8);
        });
    }

    @Test
    void pathologicalRepetitionsStayLinear() {
        Inspector big = Inspector.forPolicy(Policy.defaultPolicy(), 4 << 20);
        String[] units = {"key:", "password=", "a@", "![a](http://x?q=", "-----BEGIN PRIVATE KEY-----", "E11 dx ",
            "ignore all all all ", "1:2:", "::", "+1 ", "(555) ", "\\u0031", "%4", "AAAAAAAAAAAAAAAA+/", "sk-proj-",
            "eyJhbGciOi.eyJ", "123-45-", "4111 ", "MRN ", "you are ", "<|im_", "\u200B1"};
        for (String u : units) {
            String body = u.repeat((1 << 20) / u.length());
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                big.inspectBody(body.getBytes(StandardCharsets.UTF_8), "application/json", null);
            }, "pattern " + units.length);
        }
    }

    private void runBatches(Random r, int cases, java.util.function.Supplier<byte[]> gen) {
        int batch = 500;
        for (int done = 0; done < cases; done += batch) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < batch; i++) {
                    byte[] body = gen.get();
                    String ct = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
                    String ce = ENCODINGS[r.nextInt(ENCODINGS.length)];
                    Inspection in = INSPECTOR.inspectBody(body, ct, ce);
                    assertNotNull(in.inspectedText());
                    List<Detection> found = in.detections();
                    for (Detection d : found) {
                        assertTrue(d.start() >= 0 && d.start() < d.end(), "span inside the text");
                    }
                    if (!found.isEmpty()) {
                        // may refuse (null), must not throw
                        Redactor.redactBody(body, ct, ce, found, "[REDACTED]", r.nextBoolean());
                    }
                    String text = new String(body, StandardCharsets.ISO_8859_1);
                    INSPECTOR.inspectText(text, "arg:1", false);
                    INSPECTOR.inspectUrl("https://h.example/" + text);
                    INSPECTOR.inspectHeader("Authorization", "Basic " + text);
                }
            });
        }
    }
}
