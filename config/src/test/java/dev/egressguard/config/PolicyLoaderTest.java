package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private final PolicyLoader loader = new PolicyLoader(EndpointRegistry.builtIn());

    static Path resource(String name) throws URISyntaxException {
        return Path.of(PolicyLoaderTest.class.getResource("/policies/" + name).toURI());
    }

    @Test
    void loadsEveryKeyOfBothStyles() throws Exception {
        Path file = resource("full-policy.yaml");
        Policy p = loader.load(file);

        assertEquals(file.toString(), p.source());
        assertEquals("payments-agents", p.name());
        assertEquals("Keep card data and keys away from public AI", p.description());
        assertTrue(p.enabled());
        assertEquals("org_payments", p.orgId());
        assertEquals(List.of("refund-agent", "kyc-agent"), p.agentIds());
        assertEquals("monitor", p.mode());
        assertTrue(p.isMonitor());

        assertEquals(RuleEffect.DENY, p.defaultEffect());
        assertEquals(List.of("azure-openai", "internal-llm"), p.allowedTools());
        assertEquals(List.of("character-ai", "pastebin"), p.blockedTools());
        assertTrue(p.blockAllPublicAi());
        assertFalse(p.allowEnterprise());
        assertEquals(RiskLevel.CRITICAL, p.unknownEndpointRisk());
        assertTrue(p.inspectInternal());
        assertEquals(List.of("*.corp.example"), p.internalDomains());

        assertEquals(EnumSet.of(PatternType.SSN, PatternType.CREDIT_CARD, PatternType.API_KEY,
                PatternType.PASSWORD, PatternType.HEALTH_DATA), p.sensitivePatterns());
        assertEquals(List.of("PROJECT_LARK", "CONFIDENTIAL"), p.customKeywords());
        assertEquals(List.of("\\bPAY-\\d{8}\\b"), p.customRegex());
        assertEquals(PolicyAction.REDACT, p.defaultAction());
        assertEquals(List.of("CREDIT_CARD=BLOCK", "EMAIL=REDACT"), p.actionOverrides().stream()
                .map(o -> o.patternType() + "=" + o.action()).collect(Collectors.toList()));
        assertEquals(40.0, p.riskThreshold());
        assertEquals("[REDACTED:{type}]", p.redactWith());
        assertEquals(PolicyAction.BLOCK, p.oversizedBody());
        assertFalse(p.auditAllowed());

        assertFalse(p.notifyOnBlock());
        assertTrue(p.notifyOnWarn());
        assertEquals(List.of("https://hooks.slack.example/services/T000/B000/XXXX"), p.notifyChannels());

        assertEquals(1, p.customEndpoints().size());
        Endpoint e = p.customEndpoints().get(0);
        assertEquals("internal-llm", e.id());
        assertEquals("Internal LLM Service", e.name());
        assertEquals(EndpointCategory.API, e.category());
        assertEquals(List.of("llm.corp.example"), e.domains());
        assertEquals(List.of("/v1/**"), e.pathPatterns());
        assertEquals(RiskLevel.LOW, e.riskLevel());
        assertEquals("Company-hosted LLM", e.description());
        assertEquals("bidirectional", e.dataFlowDirection());

        assertEquals(4, p.rules().size());
        Rule allow = p.rules().get(0);
        assertEquals(RuleKind.NETWORK_REQUEST, allow.kind());
        assertEquals(RuleEffect.ALLOW, allow.effect());
        assertEquals("https://api.payments.example/**", allow.resource().source());
        assertEquals(List.of("password", "secret"), allow.denyBodyPatterns());
        assertEquals("Payments API, never with secrets", allow.reason());
        assertTrue(allow.resource().matches("https://api.payments.example/v1/refunds"));
        Rule directIp = p.rules().get(1);
        assertTrue(directIp.resource().matches("https://10.1.2.3/x"));
        assertEquals(RuleKind.NETWORK_DNS, p.rules().get(2).kind());
        assertNull(p.rules().get(2).reason());
        Rule wget = p.rules().get(3);
        assertEquals("deny shell.exec wget *", wget.describe());
        assertTrue(wget.resource().matches("wget -q https://x.example/y"));

        assertEquals(PolicyAction.BLOCK, p.shellOnObfuscated());
        assertTrue(p.exportStdout());
        assertEquals("http://otel-collector:4318", p.exportOtlpEndpoint());
        assertEquals(Map.of("Authorization", "Bearer collector-token", "X-Scope", "payments"), p.exportOtlpHeaders());
    }

    @Test
    void safeClawStylePolicyKeepsEveryOtherDefault() throws Exception {
        Policy p = loader.load(resource("safeclaw-rules.yaml"));
        Policy d = Policy.defaultPolicy();
        assertEquals(2, p.rules().size());
        assertEquals(RuleKind.SHELL_EXEC, p.rules().get(0).kind());
        assertEquals("No curl", p.rules().get(0).reason());
        assertEquals(d.mode(), p.mode());
        assertEquals(d.defaultEffect(), p.defaultEffect());
        assertEquals(d.sensitivePatterns(), p.sensitivePatterns());
        assertEquals(d.defaultAction(), p.defaultAction());
        assertEquals(d.riskThreshold(), p.riskThreshold());
        assertEquals(d.redactWith(), p.redactWith());
        assertEquals(d.shellOnObfuscated(), p.shellOnObfuscated());
        assertEquals(d.oversizedBody(), p.oversizedBody());
        assertTrue(p.enabled());
        assertTrue(p.auditAllowed());
    }

    @Test
    void omittedKeysTakeTheDefaultsOfSections51And57() throws Exception {
        Policy p = loader.parse("name: minimal\n", "policy.yaml");
        assertEquals("minimal", p.name());
        assertEquals("policy.yaml", p.source());
        assertEquals("enforce", p.mode());
        assertEquals(RuleEffect.ALLOW, p.defaultEffect());
        assertEquals(RiskLevel.HIGH, p.unknownEndpointRisk());
        assertTrue(p.allowEnterprise());
        assertFalse(p.blockAllPublicAi());
        assertFalse(p.inspectInternal());
        assertEquals(EnumSet.complementOf(EnumSet.of(PatternType.SHELL_OBFUSCATION)), p.sensitivePatterns());
        assertEquals(PolicyAction.WARN, p.defaultAction());
        assertEquals(50.0, p.riskThreshold());
        assertEquals("[REDACTED]", p.redactWith());
        assertEquals(PolicyAction.WARN, p.oversizedBody());
        assertEquals(PolicyAction.WARN, p.shellOnObfuscated());
        assertTrue(p.notifyOnBlock());
        assertFalse(p.notifyOnWarn());
        assertFalse(p.exportStdout());
        assertNull(p.exportOtlpEndpoint());
        assertTrue(p.rules().isEmpty());
        // SPEC §5.6: no actionOverrides key means SSN, CREDIT_CARD and API_KEY block.
        assertEquals(List.of("SSN=BLOCK", "CREDIT_CARD=BLOCK", "API_KEY=BLOCK"), p.actionOverrides().stream()
                .map(o -> o.patternType() + "=" + o.action()).collect(Collectors.toList()));
    }

    @Test
    void emptyActionOverridesMeansNone() throws Exception {
        assertTrue(loader.parse("actionOverrides: []\n", "policy.yaml").actionOverrides().isEmpty());
    }

    @Test
    void emptySensitivePatternsInspectsNothing() throws Exception {
        assertTrue(loader.parse("sensitivePatterns: []\n", "policy.yaml").sensitivePatterns().isEmpty());
    }

    @Test
    void enumValuesAreCaseInsensitive() throws Exception {
        Policy p = loader.parse("mode: MONITOR\ndefaultAction: Block\nsensitivePatterns: [ssn]\n", "policy.yaml");
        assertEquals("monitor", p.mode());
        assertEquals(PolicyAction.BLOCK, p.defaultAction());
        assertEquals(EnumSet.of(PatternType.SSN), p.sensitivePatterns());
    }

    @Test
    void customEndpointIdsCanBeAllowedAndBlocked() throws Exception {
        Policy p = loader.parse("blockedTools: [my-bin]\ncustomEndpoints:\n  - id: my-bin\n    category: exfil\n"
                + "    domains: [bin.example]\n    riskLevel: critical\n", "policy.yaml");
        assertEquals(List.of("my-bin"), p.blockedTools());
    }

    @Test
    void anchorsAndAliasesAreExpanded() throws Exception {
        Policy p = loader.parse("customKeywords: &words [LARK, HERON]\nagentIds: *words\n", "policy.yaml");
        assertEquals(List.of("LARK", "HERON"), p.agentIds());
    }

    @Test
    void reportsEveryErrorInFileOrder() {
        PolicyException e = assertThrows(PolicyException.class, () -> loader.parse(
                "mode: loud\nriskThreshold: 101\nblockedTool: [x]\nredactWith: ''\n", "policy.yaml"));
        List<String> located = e.errors().stream().map(x -> x.line() + ":" + x.column()).collect(Collectors.toList());
        assertEquals(List.of("1:7", "2:16", "3:1", "4:13"), located);
        assertEquals(4, e.getMessage().split("\n").length);
        assertTrue(e.getMessage().startsWith("policy.yaml:1:7: "), e.getMessage());
    }

    @Test
    void loadNamesThePathAsGivenAndReportsUnreadableFiles(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        PolicyException e = assertThrows(PolicyException.class, () -> loader.load(missing));
        assertEquals(missing.toString(), e.errors().get(0).file());
        assertEquals(1, e.errors().get(0).line());
        assertEquals(1, e.errors().get(0).column());
        assertThrows(PolicyException.class, () -> loader.load(dir));
    }

    @Test
    void loadRejectsInvalidUtf8WhereItOccurs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'a', '\n', 'm', 'o', (byte) 0xC3, (byte) 0x28});
        PolicyException e = assertThrows(PolicyException.class, () -> loader.load(file));
        PolicyError err = e.errors().get(0);
        assertEquals(2, err.line());
        assertEquals(3, err.column());
        assertTrue(err.message().contains("not UTF-8"), err.message());
    }

    @Test
    void twoMebibyteFileIsRejectedBeforeParsing(@TempDir Path dir) throws Exception {
        String big = "customKeywords:\n" + "  - KEYWORD_PADDING_0123456789\n".repeat(2 * 1024 * 1024 / 30);
        assertTrue(big.length() > 2_000_000);
        PolicyException fromString = assertThrows(PolicyException.class, () -> loader.parse(big, "big.yaml"));
        assertTrue(fromString.getMessage().startsWith("big.yaml:1:1: policy file too large"), fromString.getMessage());
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, big);
        PolicyException fromFile = assertThrows(PolicyException.class, () -> loader.load(file));
        assertTrue(fromFile.errors().get(0).message().startsWith("policy file too large"));
    }

    @Test
    void billionLaughsIsRejectedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        PolicyException e = assertThrows(PolicyException.class, () -> loader.parse(bomb.toString(), "bomb.yaml"));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void fewAliasesThatExpandTooFarAreRejected() {
        // 4 levels of 10 aliases (40, under the alias cap) over 200 values stand for 2 million.
        StringBuilder bomb = new StringBuilder("a: &a [" + "lol, ".repeat(199) + "lol]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'e'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        PolicyException e = assertThrows(PolicyException.class, () -> loader.parse(bomb.toString(), "bomb.yaml"));
        assertTrue(e.getMessage().contains("expand"), e.getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "customKeywords: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        PolicyException e = assertThrows(PolicyException.class, () -> loader.parse(deep, "deep.yaml"));
        assertEquals(1, e.errors().size());
        String blockDeep = buildBlockNesting(200);
        assertThrows(PolicyException.class, () -> loader.parse(blockDeep, "deep.yaml"));
    }

    private static String buildBlockNesting(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        return sb.append(" ".repeat(depth)).append("v\n").toString();
    }
}
