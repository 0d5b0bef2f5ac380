package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "api.openai.com, api.openai.com, true",
            "api.openai.com, API.OPENAI.COM, true",
            "api.openai.com, api.openai.com., true",
            "api.openai.com, https://api.openai.com:443/v1, true",
            "api.openai.com, xapi.openai.com, false",
            "api.openai.com, openai.com, false",
            "*.example.com, a.example.com, true",
            "*.example.com, a.b.c.example.com, true",
            "*.example.com, example.com, false",
            "*.example.com, .example.com, false",
            "*.example.com, badexample.com, false",
            "bedrock-runtime.*.amazonaws.com, bedrock-runtime.us-east-1.amazonaws.com, true",
            "bedrock-runtime.*.amazonaws.com, bedrock-runtime.amazonaws.com, false",
            "bedrock-runtime.*.amazonaws.com, bedrock-runtime.a.b.amazonaws.com, false",
            "*-aiplatform.googleapis.com, us-central1-aiplatform.googleapis.com, true",
            "*-aiplatform.googleapis.com, aiplatform.googleapis.com, false",
            "*-aiplatform.googleapis.com, x.us-aiplatform.googleapis.com, false",
            "a*b*c.example, abxbyc.example, true",
            "a*b*c.example, ac.example, false",
            "a*b*c.example, abc.example, true",
            "*, intranet, true",
            "*, intranet.example, false",
            "10.0.0.1, 10.0.0.1, true",
    })
    void matches(String pattern, String host, boolean expected) {
        assertEquals(expected, DomainPattern.compile(pattern).matches(host));
    }

    @Test
    void specificity() {
        assertTrue(DomainPattern.compile("api.example.com").isExact());
        assertEquals(15, DomainPattern.compile("api.example.com").literalLength());
        assertEquals(12, DomainPattern.compile("*.example.com").literalLength());
        assertTrue(DomainPattern.compile("*.api.example.com").literalLength()
                > DomainPattern.compile("*.example.com").literalLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "https://x.example", "x.example:443", "x.example/path", "a..b", ".a.b",
            "**.example.com", "bad host.example", "x_%.example"})
    void rejectsMalformedPatterns(String bad) {
        assertThrows(IllegalArgumentException.class, () -> DomainPattern.compile(bad));
    }
}
