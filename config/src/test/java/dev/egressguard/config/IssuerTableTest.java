package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuerTableTest {
    private final IssuerTable table = IssuerTable.builtIn();

    @Test
    void hasExactlyTheDetectorIssuerIds() {
        assertEquals(Set.of("openai", "anthropic", "aws", "github", "gitlab", "slack", "stripe", "google",
                "huggingface", "sendgrid", "npm", "pypi"), table.ids());
        for (String id : table.ids()) {
            assertNotNull(table.keyFormat(id), id);
            assertFalse(table.domains(id).isEmpty(), id);
        }
    }

    @ParameterizedTest(name = "{0} @ {1} -> {2}")
    @CsvSource({
            "openai, api.openai.com, true",
            "openai, API.OPENAI.COM., true",
            "openai, files.openai.com, true",
            "openai, generativelanguage.googleapis.com, false",
            "openai, foo.openai.azure.com, false",
            "openai, api.openai.com.evil.example, false",
            "anthropic, api.anthropic.com, true",
            "anthropic, api.openai.com, false",
            "aws, s3.us-east-1.amazonaws.com, true",
            "aws, amazonaws.com, true",
            "aws, sts.amazonaws.com, true",
            "aws, amazonaws.com.evil.example, false",
            "github, api.github.com, true",
            "github, github.com, true",
            "github, raw.githubusercontent.com, true",
            "github, uploads.github.com, true",
            "github, gitlab.com, false",
            "github, webhook.site, false",
            "gitlab, gitlab.com, true",
            "gitlab, github.com, false",
            "slack, slack.com, true",
            "slack, hooks.slack.com, true",
            "stripe, api.stripe.com, true",
            "stripe, stripe.com.evil.example, false",
            "google, generativelanguage.googleapis.com, true",
            "google, maps.googleapis.com, true",
            "google, api.openai.com, false",
            "huggingface, huggingface.co, true",
            "huggingface, router.huggingface.co, true",
            "sendgrid, api.sendgrid.com, true",
            "npm, registry.npmjs.org, true",
            "pypi, upload.pypi.org, true",
            "pypi, pypi.org, true",
            "pypi, npmjs.org, false",
            "unknown-issuer, api.openai.com, false",
    })
    void issuerDomains(String issuer, String host, boolean expected) {
        assertEquals(expected, table.isIssuerDomain(issuer, host));
    }

    @Test
    void nullsAreNotIssuerDomains() {
        assertFalse(table.isIssuerDomain(null, "api.github.com"));
        assertFalse(table.isIssuerDomain("github", null));
        assertTrue(table.isIssuerDomain("github", "https://api.github.com:443/repos"));
    }
}
