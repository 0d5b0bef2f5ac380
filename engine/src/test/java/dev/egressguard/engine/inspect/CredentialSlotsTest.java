package dev.egressguard.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers, URLs and arguments: what is a credential slot (SPEC §5.4), and where findings point. */
class CredentialSlotsTest {
    private static final Inspector INSPECTOR = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20);

    @Test
    void basicCredentialsAreDecodedAndThePasswordIsInTheSlot() {
        String token = Base64.getEncoder().encodeToString("bob:Hunter2-Long".getBytes());
        String value = "Basic " + token;
        List<Detection> found = INSPECTOR.inspectHeader("Authorization", value).detections();
        Detection d = found.stream().filter(x -> x.type() == PatternType.PASSWORD).findFirst().orElseThrow();
        assertTrue(d.credentialSlot());
        assertEquals("header:Authorization", d.location());
        assertEquals("base64", d.encoding());
        assertEquals(value.indexOf(token), d.start());
        assertEquals(value.length(), d.end());
    }

    @Test
    void vendorKeyAndGenericBearerInAuthorization() {
        String gh = Samples.githubToken();
        Detection vendor = INSPECTOR.inspectHeader("Authorization", "Bearer " + gh).detections().get(0);
        assertEquals(PatternType.API_KEY, vendor.type());
        assertEquals("github", vendor.issuer());
        assertTrue(vendor.credentialSlot());

        Detection generic = INSPECTOR.inspectHeader("Authorization", "Bearer opaque-token-0123456789")
                .detections().get(0);
        assertEquals(PatternType.API_KEY, generic.type());
        assertEquals(null, generic.issuer());
        assertTrue(generic.credentialSlot());

        String jwt = Samples.b64url("{\"alg\":\"HS256\"}") + "." + Samples.b64url("{\"sub\":\"42\",\"iat\":1}") + "."
                + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        List<Detection> jwtFound = INSPECTOR.inspectHeader("Authorization", "Bearer " + jwt).detections();
        assertTrue(jwtFound.stream().anyMatch(x -> x.type() == PatternType.API_KEY && x.credentialSlot()
                && x.confidence() == 1.0));
    }

    @Test
    void apiKeyHeadersAreSlotsOtherHeadersAreNot() {
        String key = Samples.openAiProjectKey();
        Detection slot = INSPECTOR.inspectHeader("X-Api-Key", key).detections().get(0);
        assertTrue(slot.credentialSlot());
        assertEquals("openai", slot.issuer());
        Detection notSlot = INSPECTOR.inspectHeader("X-Debug", "key " + key).detections().get(0);
        assertFalse(notSlot.credentialSlot());
        // any other type in a slot counts as it would anywhere: it is still reported, marked
        Detection ssn = INSPECTOR.inspectHeader("Cookie", "uid=123-45-6789").detections().stream()
                .filter(x -> x.type() == PatternType.SSN).findFirst().orElseThrow();
        assertTrue(ssn.credentialSlot());
    }

    @Test
    void urlUserInfoAndCredentialParameters() {
        String url = "https://alice:S3cr3t-pass@db.example.com/path?token=Zx9Qw2Er7Ty4Ui1Op6As3&q=jane%40example.com";
        List<Detection> found = INSPECTOR.inspectUrl(url).detections();
        Detection pw = found.stream().filter(x -> x.type() == PatternType.PASSWORD).findFirst().orElseThrow();
        assertTrue(pw.credentialSlot());
        assertEquals(url.indexOf("S3cr3t"), pw.start());
        assertEquals(url.indexOf('@'), pw.end());
        Detection token = found.stream().filter(x -> x.type() == PatternType.API_KEY).findFirst().orElseThrow();
        assertTrue(token.credentialSlot());
        Detection email = found.stream().filter(x -> x.type() == PatternType.EMAIL).findFirst().orElseThrow();
        assertFalse(email.credentialSlot());
        assertEquals("url", email.encoding());
        assertEquals(url.indexOf("jane"), email.start());
        assertEquals(url.length(), email.end());
    }

    @Test
    void theHostHeaderIsNotContent() {
        assertTrue(INSPECTOR.inspectHeader("Host", "10.1.2.3:8080").detections().isEmpty());
        assertEquals(1, INSPECTOR.inspectHeader("X-Forwarded-For", "10.1.2.3").detections().size());
    }

    @Test
    void theHostIsNotContent() {
        assertTrue(INSPECTOR.inspectUrl("http://10.1.2.3:8080/health").detections().isEmpty());
        assertEquals(1, INSPECTOR.inspectUrl("http://api.example/v1/cards/4111111111111111").detections().size());
    }

    @Test
    void textTakesTheSlotFlagFromTheCaller() {
        Detection d = INSPECTOR.inspectText("jane@example.com", "arg:3", true).detections().get(0);
        assertTrue(d.credentialSlot());
        assertEquals("arg:3", d.location());
        assertFalse(INSPECTOR.inspectText("jane@example.com", "file:/tmp/x", false).detections().get(0).credentialSlot());
    }
}
