package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken policies: each names the exact place of its error and what was expected there. */
class PolicyValidationTest {

    private final PolicyLoader loader = new PolicyLoader(EndpointRegistry.builtIn());

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                Arguments.of("unknown top-level key", "name: x\nblockedTool: [pastebin]\n",
                        "policy.yaml:2:1", "unknown key 'blockedTool' (did you mean 'blockedTools'?)"),
                Arguments.of("snake_case key", "block_all_public_ai: true\n",
                        "policy.yaml:1:1", "did you mean 'blockAllPublicAI'?"),
                Arguments.of("bad mode", "mode: enforced\n",
                        "policy.yaml:1:7", "'mode' must be enforce or monitor, found 'enforced' (did you mean 'enforce'?)"),
                Arguments.of("quoted boolean", "enabled: \"yes\"\n",
                        "policy.yaml:1:10", "'enabled' must be true or false"),
                Arguments.of("number for a boolean", "inspectInternal: 1\n",
                        "policy.yaml:1:18", "'inspectInternal' must be true or false"),
                Arguments.of("threshold out of range", "riskThreshold: 150\n",
                        "policy.yaml:1:16", "'riskThreshold' must be between 0 and 100"),
                Arguments.of("negative threshold", "riskThreshold: -1\n",
                        "policy.yaml:1:16", "between 0 and 100"),
                Arguments.of("threshold not a number", "riskThreshold: high\n",
                        "policy.yaml:1:16", "'riskThreshold' must be a number"),
                Arguments.of("bad defaultEffect", "defaultEffect: block\n",
                        "policy.yaml:1:16", "'defaultEffect' must be allow or deny"),
                Arguments.of("bad defaultAction", "defaultAction: deny\n",
                        "policy.yaml:1:16", "must be one of allow, warn, redact, block"),
                Arguments.of("bad oversizedBody", "oversizedBody: redact\n",
                        "policy.yaml:1:16", "must be one of allow, warn, block"),
                Arguments.of("bad unknownEndpointRisk", "unknownEndpointRisk: severe\n",
                        "policy.yaml:1:22", "must be one of critical, high, medium, low"),
                Arguments.of("misspelt pattern type", "sensitivePatterns: [SSN, CREDITCARD]\n",
                        "policy.yaml:1:26", "did you mean 'CREDIT_CARD'?"),
                Arguments.of("pattern type not selectable", "sensitivePatterns:\n  - SHELL_OBFUSCATION\n",
                        "policy.yaml:2:5", "'sensitivePatterns entry' must be one of SSN"),
                Arguments.of("unknown key in an override", "actionOverrides:\n  - patternType: EMAIL\n    acton: redact\n",
                        "policy.yaml:3:5", "unknown key 'acton' in an actionOverrides entry (did you mean 'action'?)"),
                Arguments.of("override missing its action", "actionOverrides:\n  - patternType: EMAIL\n",
                        "policy.yaml:2:5", "an actionOverrides entry is missing 'action'"),
                Arguments.of("bad override action", "actionOverrides:\n  - patternType: EMAIL\n    action: deny\n",
                        "policy.yaml:3:13", "'action' must be one of allow, warn, redact, block"),
                Arguments.of("unknown override pattern type", "actionOverrides:\n  - {patternType: E_MAIL, action: warn}\n",
                        "policy.yaml:2:19", "did you mean 'EMAIL'?"),
                Arguments.of("bad rule action", "rules:\n  - action: network.fetch\n    resource: \"https://x.example/**\"\n    effect: deny\n",
                        "policy.yaml:2:13", "'action' must be one of network.request, network.dns, shell.exec"),
                Arguments.of("bad rule effect", "rules:\n  - action: shell.exec\n    resource: \"curl *\"\n    effect: block\n",
                        "policy.yaml:4:13", "'effect' must be allow or deny"),
                Arguments.of("unknown rule key", "rules:\n  - action: shell.exec\n    resource: \"curl *\"\n    effect: deny\n    deny_body_pattern: [x]\n",
                        "policy.yaml:5:5", "unknown key 'deny_body_pattern' in a rule (did you mean 'deny_body_patterns'?)"),
                Arguments.of("rule without resource", "rules:\n  - action: shell.exec\n    effect: deny\n",
                        "policy.yaml:2:5", "a rule is missing 'resource'"),
                Arguments.of("bad resource glob", "rules:\n  - action: network.request\n    resource: \"https://x.example/[abc\"\n    effect: deny\n",
                        "policy.yaml:3:15", "unclosed '['"),
                Arguments.of("unknown tool id", "blockedTools: [pastebin, chat-gpt]\n",
                        "policy.yaml:1:26", "unknown tool id 'chat-gpt' (did you mean 'chatgpt'?)"),
                Arguments.of("unknown tool id without a near match", "allowedTools:\n  - no-such-service-here\n",
                        "policy.yaml:2:5", "define it under customEndpoints"),
                Arguments.of("tools not a list", "allowedTools: azure-openai\n",
                        "policy.yaml:1:15", "'allowedTools' must be a list"),
                Arguments.of("regex that does not compile", "customRegex: [\"(unclosed\"]\n",
                        "policy.yaml:1:15", "does not compile"),
                Arguments.of("catastrophic regex", "customRegex:\n  - '(a+)+$'\n",
                        "policy.yaml:2:5", "nested quantifiers"),
                Arguments.of("empty redactWith", "redactWith: \"\"\n",
                        "policy.yaml:1:13", "'redactWith' must not be empty"),
                Arguments.of("duplicate key", "name: a\nmode: monitor\nname: b\n",
                        "policy.yaml:3:1", "duplicate key 'name' (first given at line 1)"),
                Arguments.of("empty file", "",
                        "policy.yaml:1:1", "empty policy"),
                Arguments.of("only comments", "# nothing here\n\n",
                        "policy.yaml:1:1", "empty policy"),
                Arguments.of("not a mapping", "- a\n- b\n",
                        "policy.yaml:1:1", "a policy is a mapping of keys"),
                Arguments.of("scalar document", "hello\n",
                        "policy.yaml:1:1", "a policy is a mapping of keys"),
                Arguments.of("two documents", "name: a\n---\nname: b\n",
                        "policy.yaml:3:1", "one YAML document"),
                Arguments.of("bad endpoint category", "customEndpoints:\n  - id: internal-llm\n    category: llm\n    domains: [llm.corp.example]\n    riskLevel: low\n",
                        "policy.yaml:3:15", "'category' must be one of chat, api, code, search, image, assistant, enterprise, exfil"),
                Arguments.of("endpoint id not kebab-case", "customEndpoints:\n  - id: Internal_LLM\n    category: api\n    domains: [llm.corp.example]\n    riskLevel: low\n",
                        "policy.yaml:2:9", "must be lower-case kebab-case"),
                Arguments.of("endpoint key misspelt", "customEndpoints:\n  - id: x-llm\n    category: api\n    domains: [llm.corp.example]\n    risk: low\n",
                        "policy.yaml:5:5", "unknown key 'risk' in a customEndpoints entry (did you mean 'riskLevel'?)"),
                Arguments.of("endpoint without domains", "customEndpoints:\n  - id: x-llm\n    category: api\n    riskLevel: low\n",
                        "policy.yaml:2:5", "is missing 'domains'"),
                Arguments.of("bad data flow direction", "customEndpoints:\n  - id: x-llm\n    category: api\n    domains: [llm.corp.example]\n    riskLevel: low\n    dataFlowDirection: sideways\n",
                        "policy.yaml:6:24", "'dataFlowDirection' must be one of outbound, inbound, bidirectional"),
                Arguments.of("duplicate custom endpoint id", "customEndpoints:\n  - {id: x-llm, category: api, domains: [a.example], riskLevel: low}\n  - {id: x-llm, category: api, domains: [b.example], riskLevel: low}\n",
                        "policy.yaml:3:10", "custom endpoint id 'x-llm' is already defined at line 2"),
                Arguments.of("duplicate override", "actionOverrides:\n  - {patternType: SSN, action: warn}\n  - {patternType: SSN, action: block}\n",
                        "policy.yaml:3:19", "patternType SSN already has an override at line 2"),
                Arguments.of("overlong regex", "customRegex: [\"" + "a".repeat(1001) + "\"]\n",
                        "policy.yaml:1:15", "is 1001 characters long; the limit is 1000"),
                Arguments.of("bad endpoint path pattern", "customEndpoints:\n  - id: x-llm\n    category: api\n    domains: [llm.corp.example]\n    riskLevel: low\n    pathPatterns: [\"/v1/[x\"]\n",
                        "policy.yaml:6:20", "pathPatterns entry: resource pattern '/v1/[x' has an unclosed '['"),
                Arguments.of("endpoint path without slash", "customEndpoints:\n  - id: x-llm\n    category: api\n    domains: [llm.corp.example]\n    riskLevel: low\n    pathPatterns: [v1]\n",
                        "policy.yaml:6:20", "must start with '/'"),
                Arguments.of("shell key misspelt", "shell:\n  onObfuscation: block\n",
                        "policy.yaml:2:3", "unknown key 'onObfuscation' under 'shell' (did you mean 'onObfuscated'?)"),
                Arguments.of("shell action redact", "shell:\n  onObfuscated: redact\n",
                        "policy.yaml:2:17", "'shell.onObfuscated' must be one of allow, warn, block"),
                Arguments.of("shell not a mapping", "shell: warn\n",
                        "policy.yaml:1:8", "'shell' must be a mapping"),
                Arguments.of("otlp key misspelt", "export:\n  otlp:\n    endpoint: \"http://c.example:4318\"\n    header: {}\n",
                        "policy.yaml:4:5", "unknown key 'header' under 'export.otlp' (did you mean 'headers'?)"),
                Arguments.of("export key unknown", "export:\n  stdot: true\n",
                        "policy.yaml:2:3", "unknown key 'stdot' under 'export' (did you mean 'stdout'?)"),
                Arguments.of("otlp endpoint not a URL", "export:\n  otlp:\n    endpoint: collector\n",
                        "policy.yaml:3:15", "must be an http:// or https:// URL"),
                Arguments.of("notify channel not a URL", "notifyChannels: [\"#security\"]\n",
                        "policy.yaml:1:18", "must be an http:// or https:// URL"),
                Arguments.of("internal domain with a scheme", "internalDomains: [\"https://corp.example/\"]\n",
                        "policy.yaml:1:19", "internalDomains entry"),
                Arguments.of("agentIds a mapping", "agentIds: {a: 1}\n",
                        "policy.yaml:1:11", "'agentIds' must be a list"),
                Arguments.of("name a list", "name: [a]\n",
                        "policy.yaml:1:7", "'name' must be a string"),
                Arguments.of("tab indentation", "name: a\n\tmode: monitor\n",
                        "policy.yaml:2:1", "invalid YAML"),
                Arguments.of("unterminated flow list", "allowedTools: [a, b\nname: x\n",
                        "policy.yaml:", "invalid YAML"),
                Arguments.of("alias without anchor", "name: *nope\n",
                        "policy.yaml:1:7", "alias '*nope' names no list or mapping anchored"),
                Arguments.of("NUL byte", "name: a\nmo\0de: x\n",
                        "policy.yaml:2:3", "NUL byte"),
                Arguments.of("control character", "name: a\u0007b\n",
                        "policy.yaml:1:8", "invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void brokenPolicyNamesTheExactPlace(String why, String yaml, String expectedPlace, String expectedMessage) {
        PolicyException e = assertThrows(PolicyException.class, () -> loader.parse(yaml, "policy.yaml"));
        boolean found = e.errors().stream().map(PolicyError::toString)
                .anyMatch(s -> s.startsWith(expectedPlace) && s.contains(expectedMessage));
        assertTrue(found, () -> "expected an error at " + expectedPlace + " containing [" + expectedMessage
                + "], got:\n" + e.getMessage());
        e.errors().forEach(err -> {
            assertEquals("policy.yaml", err.file());
            assertTrue(err.line() >= 1 && err.column() >= 1);
            assertTrue(!err.message().contains("\n"), "one line per error");
        });
    }

    @Test
    void unknownKeyInSmallSectionListsTheExpectedKeys() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> loader.parse("shell:\n  zzz: 1\n", "policy.yaml"));
        assertEquals("policy.yaml:2:3: unknown key 'zzz' under 'shell' (expected one of: onObfuscated)",
                e.errors().get(0).toString());
    }
}
