package dev.egressguard.engine.inspect;

import static dev.egressguard.engine.inspect.Samples.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import java.util.ArrayList;
import java.util.stream.Stream;

/** Redaction (SPEC §5.6 outcomes): valid JSON after, fixed length, nothing left in any decoding. */
class RedactorTest {
    private static final Inspector INSPECTOR = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Detection> inspect(byte[] body, String ct, String ce) {
        return INSPECTOR.inspectBody(body, ct, ce).detections();
    }

    @TestFactory
    Stream<DynamicTest> everyEncodingIsRedactedAndNothingIsLeft() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : Samples.all()) {
            for (DetectorEncodingsTest.Case c : DetectorEncodingsTest.cases(s)) {
                tests.add(DynamicTest.dynamicTest(s.type() + " " + c.name(), () -> {
                    List<Detection> found = inspect(c.body(), c.contentType(), c.contentEncoding());
                    byte[] out = Redactor.redactBody(c.body(), c.contentType(), c.contentEncoding(), found,
                            "[REDACTED:{type}]", false);
                    assertNotNull(out, s.type() + " " + c.name() + ": redaction refused");
                    assertTrue(inspect(out, c.contentType(), c.contentEncoding()).stream()
                            .noneMatch(d -> d.type() == s.type()), s.type() + " " + c.name() + ": value left behind");
                    String plain = "gzip".equals(c.contentEncoding()) ? gunzip(out) : new String(out, StandardCharsets.UTF_8);
                    if ("application/json".equals(c.contentType())) {
                        JSON.readTree(plain); // throws if the JSON broke
                    }
                    if (!c.name().contains("base64") && !"form".equals(c.name())) {
                        assertTrue(plain.contains("[REDACTED:" + s.type().name() + "]"), "replacement with {type} expanded");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void jsonStaysValidWhenABareNumberIsRedacted() throws IOException {
        String body = "{\"ssn\": 123456789, \"name\": \"x\"}";
        byte[] b = utf8(body);
        List<Detection> found = inspect(b, "application/json", null);
        assertEquals(1, found.size());
        String out = new String(Redactor.redactBody(b, "application/json", null, found, "[REDACTED]", false),
                StandardCharsets.UTF_8);
        assertEquals("[REDACTED]", JSON.readTree(out).get("ssn").asText());
        byte[] fixed = Redactor.redactBody(b, "application/json", null, found, "[REDACTED]", true);
        assertEquals(b.length, fixed.length);
        JSON.readTree(fixed);
    }

    @Test
    void fixedLengthMasksWithStarsOfEqualByteLength() {
        String body = jsonChat("card 4111 1111 1111 1111 and mail jane@example.com, café");
        byte[] b = utf8(body);
        List<Detection> found = inspect(b, "application/json", null);
        byte[] out = Redactor.redactBody(b, "application/json", null, found, "[REDACTED]", true);
        assertEquals(b.length, out.length);
        String s = new String(out, StandardCharsets.UTF_8);
        assertTrue(s.contains("card ******************* and mail ****************,"));
        assertTrue(inspect(out, "application/json", null).isEmpty());
    }

    @Test
    void fixedLengthOfACompressedBodyIsImpossible() {
        byte[] gz = gzip(jsonChat("ssn 123-45-6789"));
        List<Detection> found = inspect(gz, "application/json", "gzip");
        assertNull(Redactor.redactBody(gz, "application/json", "gzip", found, "[REDACTED]", true));
        byte[] out = Redactor.redactBody(gz, "application/json", "gzip", found, "[REDACTED]", false);
        assertNotNull(out);
        assertFalse(gunzip(out).contains("6789"));
    }

    @Test
    void anEncodedTokenIsReplacedWhole() {
        String token = b64("my ssn is 123-45-6789");
        String body = jsonChat("see " + token + " end");
        byte[] b = utf8(body);
        String out = new String(Redactor.redactBody(b, "application/json", null, inspect(b, "application/json", null),
                "[REDACTED]", false), StandardCharsets.UTF_8);
        assertFalse(out.contains(token));
        assertTrue(out.contains("see [REDACTED] end"));
    }

    @Test
    void replacementIsMadeJsonSafe() throws IOException {
        byte[] b = utf8(jsonChat("mail jane@example.com now"));
        String out = new String(Redactor.redactBody(b, "application/json", null, inspect(b, "application/json", null),
                "<\"gone\\{type}\">", false), StandardCharsets.UTF_8);
        assertEquals("mail <\"gone\\EMAIL\"> now", JSON.readTree(out).get("messages").get(0).get("content").asText());
    }

    @Test
    void formReplacementIsFormEncoded() {
        byte[] b = utf8("user=jane%40example.com&x=1");
        String ct = "application/x-www-form-urlencoded";
        String out = new String(Redactor.redactBody(b, ct, null, inspect(b, ct, null), "[REDACTED]", false),
                StandardCharsets.UTF_8);
        assertEquals("user=%5BREDACTED%5D&x=1", out);
    }

    @Test
    void noDetectionsLeavesTheBodyAlone() {
        byte[] b = utf8("{\"a\":1}");
        assertArrayEquals(b, Redactor.redactBody(b, "application/json", null, List.of(), "[REDACTED]", false));
    }

    @Test
    void detectionsOfAnotherTextAreRefused() {
        byte[] b = utf8("short");
        Detection elsewhere = new Detection(PatternType.SSN, 10, 21, 0.95, "body", "plain", null, "0123456789abcdef",
                false, null);
        assertNull(Redactor.redactBody(b, "text/plain", null, List.of(elsewhere), "[REDACTED]", false));
    }

    @Test
    void redactTextForArgumentsAndUrls() {
        String arg = "--data=ssn 123-45-6789";
        List<Detection> found = INSPECTOR.inspectText(arg, "arg:2", false).detections();
        assertEquals("--data=ssn [REDACTED]", Redactor.redactText(arg, found, "[REDACTED]"));
        String url = "https://api.example.com/v1/users/jane@example.com/profile";
        String out = Redactor.redactText(url, INSPECTOR.inspectUrl(url).detections(), "[REDACTED:{type}]");
        assertEquals("https://api.example.com/v1/users/%5BREDACTED%3AEMAIL%5D/profile", out);
        assertTrue(java.net.URI.create(out).getPath().contains("[REDACTED:EMAIL]"));
    }

    private static String gunzip(byte[] b) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
