package dev.egressguard.engine.inspect;

import static dev.egressguard.engine.inspect.Samples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every detector finds its value in every encoding of SPEC §5.4, and reports where it was: the
 * span of the (encoded) token in the text as sent, and the encoding it went through.
 */
class DetectorEncodingsTest {
    private static final Inspector INSPECTOR = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20);

    /** A body, and where in its (decompressed) text the finding must point. */
    record Case(String name, byte[] body, String contentType, String contentEncoding, String text,
                int start, int end, String encoding) {
    }

    @TestFactory
    Stream<DynamicTest> everyTypeInEveryEncoding() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : Samples.all()) {
            for (Case c : cases(s)) {
                tests.add(DynamicTest.dynamicTest(s.type() + " " + c.name(), () -> check(s.type(), c)));
            }
        }
        return tests.stream();
    }

    private static void check(PatternType type, Case c) {
        Inspection r = INSPECTOR.inspectBody(c.body(), c.contentType(), c.contentEncoding());
        List<Detection> ofType = r.detections().stream().filter(d -> d.type() == type).toList();
        assertEquals(1, ofType.size(), type + " in " + c.name() + ": expected one detection, got " + ofType);
        Detection d = ofType.get(0);
        assertEquals("body", d.location());
        assertEquals(c.start(), d.start(), type + " in " + c.name() + ": start");
        assertEquals(c.end(), d.end(), type + " in " + c.name() + ": end");
        assertTrue(d.encoding().contains(c.encoding()),
                type + " in " + c.name() + ": encoding " + d.encoding() + " should name " + c.encoding());
        assertTrue(d.valueId().matches("[0-9a-f]{16}"), "valueId is a digest");
        assertTrue(!c.text().substring(d.start(), d.end()).isEmpty());
    }

    static List<Case> cases(Sample s) {
        List<Case> out = new ArrayList<>();
        String json = "application/json";
        // plain, inside a JSON chat body
        out.add(inJson("plain", s.before(), s.value(), s.after(), "plain"));
        out.add(inJson("json-escape", s.before(), unicodeEscapeAll(s.value()), s.after(), "json-escape"));
        out.add(inJson("percent", s.before(), percentAll(s.value()), s.after(), "url"));
        String inner = s.text();
        out.add(inJson("base64", "see ", b64(inner), " end", "base64"));
        out.add(inJson("nested-base64", "see ", b64("x " + b64(inner)), " end", "base64"));
        if (s.value().chars().anyMatch(Character::isDigit)) {
            out.add(inJson("full-width", s.before(), fullWidthDigits(s.value()), s.after(), "unicode"));
        }
        out.add(inJson("zero-width", s.before(), zeroWidth(s.value()), s.after(), "unicode"));
        // form
        String formPrefix = "a=1&msg=" + URLEncoder.encode(s.before(), StandardCharsets.UTF_8);
        String formValue = URLEncoder.encode(s.value(), StandardCharsets.UTF_8);
        String form = formPrefix + formValue + URLEncoder.encode(s.after(), StandardCharsets.UTF_8) + "&b=2";
        out.add(new Case("form", utf8(form), "application/x-www-form-urlencoded", null, form,
                formPrefix.length(), formPrefix.length() + formValue.length(), "form"));
        // multipart
        String mpPrefix = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + s.before();
        String mp = mpPrefix + s.value() + s.after() + "\r\n--XyZ--\r\n";
        out.add(new Case("multipart", utf8(mp), "multipart/form-data; boundary=XyZ", null, mp,
                mpPrefix.length(), mpPrefix.length() + s.value().length(), "multipart"));
        // gzip
        String body = jsonChat(s.text());
        int at = body.indexOf(jsonEscape(s.value()));
        out.add(new Case("gzip", gzip(body), json, "gzip", body, at, at + s.value().length(), "gzip"));
        return out;
    }

    private static Case inJson(String name, String before, String token, String after, String encoding) {
        String prefix = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + before;
        String body = prefix + token + after + "\"}]}";
        return new Case(name, utf8(body), "application/json", null, body, prefix.length(),
                prefix.length() + token.length(), encoding);
    }
}
