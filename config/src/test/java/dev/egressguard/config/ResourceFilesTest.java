package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken registry or issuer file fails loudly, naming the file, the entry and the problem. */
class ResourceFilesTest {

    @Test
    void validFixtureLoads() {
        List<Endpoint> entries = EndpointsFile.read("broken/valid.yaml");
        assertEquals(1, entries.size());
        assertEquals("ok", entries.get(0).id());
        assertEquals(RiskLevel.HIGH, entries.get(0).riskLevel());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "exfil-not-critical.yaml | every exfil entry is riskLevel critical",
            "bad-domain.yaml         | must be a bare host name",
            "duplicate-id.yaml       | duplicate id",
            "bad-id.yaml             | kebab-case",
            "unknown-key.yaml        | unknown key 'domain'",
            "duplicate-key.yaml      | riskLevel",
            "bad-category.yaml       | category 'chatbot' is not one of",
            "missing-name.yaml       | missing 'name'",
            "bad-path.yaml           | unclosed '['",
            "not-yaml.yaml           | not valid YAML",
            "missing.yaml            | missing from the class path",
    })
    void brokenRegistryFileFailsWithItsReason(String file, String reason) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EndpointsFile.read("broken/" + file));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(file), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "issuer-bad-domain.yaml  | must be a bare host name",
            "issuer-unknown-key.yaml | unknown key 'extra'",
    })
    void brokenIssuerFileFailsWithItsReason(String file, String reason) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IssuerTable.load("broken/" + file));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
