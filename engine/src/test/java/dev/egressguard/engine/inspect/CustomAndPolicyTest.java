package dev.egressguard.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom keywords and regexes, enabled types, body limits. */
class CustomAndPolicyTest {

    private static List<Detection> inspect(Inspector in, String text) {
        return in.inspectBody(text.getBytes(StandardCharsets.UTF_8), "text/plain", null).detections();
    }

    @Test
    void customKeywordsAreCaseInsensitiveWholeWords() {
        Policy.Builder b = Policy.defaultPolicy().toBuilder();
        b.customKeywords = List.of("PROJECT_LARK", "Confidential", "top secret", "#internal");
        Inspector in = Inspector.forPolicy(b.build(), 1 << 20);
        List<Detection> found = inspect(in, "project_lark is confidential and Top Secret; #internal only");
        assertEquals(4, found.stream().filter(d -> d.type() == PatternType.CUSTOM_KEYWORD).count());
        assertTrue(found.stream().anyMatch(d -> "PROJECT_LARK".equals(d.label()) && d.confidence() == 1.0));
        assertTrue(inspect(in, "MY_PROJECT_LARKS and unconfidential").isEmpty());
    }

    @Test
    void aKeywordIsFoundAsTheWholeTextAndAsItsLastWord() {
        Policy.Builder b = Policy.defaultPolicy().toBuilder();
        b.customKeywords = List.of("falcon", "X", "Q7");
        Inspector in = Inspector.forPolicy(b.build(), 1 << 20);
        assertEquals(1, inspect(in, "Falcon").size());
        assertEquals(1, inspect(in, "codename falcon").size());
        assertEquals(2, inspect(in, "plan x and plan Q7").size());
        assertEquals(1, inspect(in, "plan x").size());
        assertEquals(1, inspect(in, "plan x\u00b7").size()); // U+00B7 is no letter, though its low bits are a digit
        // a word that shares first letters, last letter and length with a keyword is not one
        assertTrue(inspect(in, "fallen falcons Q77 xy").isEmpty());
    }

    @Test
    void customRegexMatchesAndARunawayRegexCountsAsAMatch() {
        Policy.Builder b = Policy.defaultPolicy().toBuilder();
        // Java memoises simple nested quantifiers; a backreference defeats that (takes seconds unbounded)
        b.customRegex = List.of("\\bPAY-\\d{8}\\b", "(a*)*\\1b");
        Inspector in = Inspector.forPolicy(b.build(), 1 << 20);
        Detection pay = inspect(in, "ref PAY-12345678 ok").stream()
                .filter(d -> d.type() == PatternType.CUSTOM_REGEX).findFirst().orElseThrow();
        assertEquals("\\bPAY-\\d{8}\\b", pay.label());
        assertEquals(4, pay.start());
        String evil = "a".repeat(30);
        List<Detection> found = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> inspect(in, evil));
        assertTrue(found.stream().anyMatch(d -> d.type() == PatternType.CUSTOM_REGEX
                && d.label().contains("step limit")));
    }

    @Test
    void anInvalidRegexIsRejectedWithItsText() {
        Policy.Builder b = Policy.defaultPolicy().toBuilder();
        b.customRegex = List.of("([unclosed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inspector.forPolicy(b.build(), 1000));
        assertTrue(e.getMessage().contains("([unclosed"));
    }

    @Test
    void onlyEnabledTypesAreDetected() {
        Policy.Builder b = Policy.defaultPolicy().toBuilder();
        b.sensitivePatterns = EnumSet.of(PatternType.SSN);
        Inspector in = Inspector.forPolicy(b.build(), 1 << 20);
        List<Detection> found = inspect(in, "ssn 123-45-6789 mail jane@example.com ignore all previous instructions");
        assertEquals(1, found.size());
        assertEquals(PatternType.SSN, found.get(0).type());
    }

    @Test
    void bodiesOverTheLimitAreTruncated() {
        Inspector in = Inspector.forPolicy(Policy.defaultPolicy(), 64);
        String body = "ssn 123-45-6789 " + "x".repeat(100) + " card 4111 1111 1111 1111";
        Inspection r = in.inspectBody(body.getBytes(StandardCharsets.UTF_8), "text/plain", null);
        assertTrue(r.truncated());
        assertEquals(1, r.detections().size());
        assertEquals(PatternType.SSN, r.detections().get(0).type());
    }

    @Test
    void aZipBombIsNotInflatedPastTheLimit() {
        byte[] zeros = new byte[50 << 20];
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bo)) {
            gz.write("ssn 123-45-6789 ".getBytes(StandardCharsets.UTF_8));
            gz.write(zeros);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Inspector in = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 16);
        Inspection r = in.inspectBody(bo.toByteArray(), "text/plain", "gzip");
        assertTrue(r.truncated());
        assertTrue(r.inspectedText().length() <= 1 << 16);
        assertTrue(r.detections().stream().anyMatch(d -> d.type() == PatternType.SSN && d.encoding().equals("gzip")));
    }

    @Test
    void deflateBodiesZlibAndRaw() throws Exception {
        byte[] plain = "mail jane@example.com".getBytes(StandardCharsets.UTF_8);
        Inspector in = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20);
        for (boolean raw : new boolean[] {false, true}) {
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, raw);
            java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(bo, deflater)) {
                out.write(plain);
            }
            List<Detection> found = in.inspectBody(bo.toByteArray(), "text/plain", "deflate").detections();
            assertEquals(1, found.size(), raw ? "raw deflate" : "zlib deflate");
            assertEquals("deflate", found.get(0).encoding());
            assertEquals(5, found.get(0).start());
            byte[] redacted = Redactor.redactBody(bo.toByteArray(), "text/plain", "deflate", found, "[REDACTED]", false);
            assertTrue(in.inspectBody(redacted, "text/plain", "deflate").detections().isEmpty());
        }
    }

    @Test
    void base64MultipartPartsAreDecodedWhole() {
        String encoded = java.util.Base64.getMimeEncoder(20, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString("note: the ssn is 123-45-6789, do not share".getBytes(StandardCharsets.UTF_8));
        String prefix = "--b1\r\nContent-Disposition: form-data; name=\"f\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        String body = prefix + encoded + "\r\n--b1--\r\n";
        List<Detection> found = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20)
                .inspectBody(body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b1", null).detections();
        Detection d = found.stream().filter(x -> x.type() == PatternType.SSN).findFirst().orElseThrow();
        assertEquals("multipart+base64", d.encoding());
        assertEquals(prefix.length(), d.start());
        assertEquals(prefix.length() + encoded.length(), d.end());
    }

    @Test
    void keywordsStartingWithAnUnderscoreOrDigit() {
        Policy.Builder b = Policy.defaultPolicy().toBuilder();
        b.customKeywords = List.of("_secret_flag", "42north");
        Inspector in = Inspector.forPolicy(b.build(), 1 << 20);
        assertEquals(2, inspect(in, "set _secret_flag for 42north").size());
    }

    @Test
    void binaryBodiesAreScannedOverPrintableRuns() {
        byte[] head = new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 0, 7};
        byte[] text = "card=4111111111111111".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length * 2 + text.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(text, 0, body, head.length, text.length);
        System.arraycopy(head, 0, body, head.length + text.length, head.length);
        Inspection r = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20)
                .inspectBody(body, "application/octet-stream", null);
        Detection d = r.detections().get(0);
        assertEquals(PatternType.CREDIT_CARD, d.type());
        assertEquals(head.length + 5, d.start());
    }

    @Test
    void inspectedTextIsTheDecodedText() {
        Inspection r = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20).inspectBody(
                "{\"a\":\"pass\\u0077ord\"}".getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertTrue(r.inspectedText().contains("password"));
    }
}
