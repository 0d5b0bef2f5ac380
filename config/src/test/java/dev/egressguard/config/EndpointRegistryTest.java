package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointRegistryTest {
    private final EndpointRegistry registry = EndpointRegistry.builtIn();

    private String idOf(String host, String path) {
        return registry.match(host, path).map(Endpoint::id).orElse("none");
    }

    @Test
    void hasAtLeastFortyEntriesAndEveryFixedId() {
        assertTrue(registry.all().size() >= 40, "registry size " + registry.all().size());
        for (String id : List.of("chatgpt", "claude-ai", "openai-api", "anthropic-api", "azure-openai",
                "google-vertex-ai", "aws-bedrock", "character-ai", "perplexity", "github-copilot", "pastebin",
                "webhook-site")) {
            assertTrue(registry.byId(id).isPresent(), id);
        }
    }

    @Test
    void everyExfilEntryIsCriticalAndEnterpriseIsLowOrMedium() {
        int exfil = 0;
        for (Endpoint e : registry.all()) {
            if (e.category() == EndpointCategory.EXFIL) {
                exfil++;
                assertEquals(RiskLevel.CRITICAL, e.riskLevel(), e.id());
            }
        }
        assertTrue(exfil >= 8);
        for (String id : List.of("azure-openai", "google-vertex-ai", "aws-bedrock")) {
            Endpoint e = registry.byId(id).orElseThrow();
            assertEquals(EndpointCategory.ENTERPRISE, e.category(), id);
            assertTrue(e.riskLevel() == RiskLevel.LOW || e.riskLevel() == RiskLevel.MEDIUM, id);
        }
    }

    @Test
    void idsAreKebabCaseAndEveryCategoryIsUsed() {
        Set<EndpointCategory> used = new HashSet<>();
        for (Endpoint e : registry.all()) {
            assertTrue(e.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.id());
            assertFalse(e.domains().isEmpty(), e.id());
            used.add(e.category());
        }
        assertEquals(Set.of(EndpointCategory.values()), used);
    }

    @ParameterizedTest(name = "{0}{1} -> {2}")
    @CsvSource({
            "api.openai.com, /v1/chat/completions, openai-api",
            "chatgpt.com, /backend-api/conversation, chatgpt",
            "chat.openai.com, /, chatgpt",
            "claude.ai, /api/organizations, claude-ai",
            "api.anthropic.com, /v1/messages, anthropic-api",
            "generativelanguage.googleapis.com, /v1beta/models, gemini-api",
            "gemini.google.com, /, gemini",
            "copilot.microsoft.com, /, microsoft-copilot",
            "foo.openai.azure.com, /openai/deployments/x/chat/completions, azure-openai",
            "us-central1-aiplatform.googleapis.com, /v1/projects/p, google-vertex-ai",
            "aiplatform.googleapis.com, /v1/projects/p, google-vertex-ai",
            "bedrock-runtime.us-east-1.amazonaws.com, /model/x/invoke, aws-bedrock",
            "bedrock.eu-west-1.amazonaws.com, /, aws-bedrock",
            "api.githubcopilot.com, /chat/completions, github-copilot",
            "huggingface.co, /api/models, hugging-face",
            "router.huggingface.co, /v1/chat/completions, hugging-face",
            "api.groq.com, /openai/v1/chat/completions, groq",
            "api.mistral.ai, /v1/chat/completions, mistral-api",
            "api.deepseek.com, /chat/completions, deepseek-api",
            "api.x.ai, /v1/chat/completions, xai-api",
            "openrouter.ai, /api/v1/chat/completions, openrouter",
            "api.perplexity.ai, /chat/completions, perplexity",
            "beta.character.ai, /, character-ai",
            "pastebin.com, /api/api_post.php, pastebin",
            "webhook.site, /0f6c7e2a, webhook-site",
            "eo1234abcd.m.pipedream.net, /, pipedream-requestbin",
            "transfer.sh, /upload.txt, transfer-sh",
            "abc123.ngrok.io, /, ngrok",
            "a.b.ngrok-free.app, /x, ngrok",
            "discord.com, /api/webhooks/1/x, discord-webhooks",
            "discordapp.com, /api/v10/webhooks/1/tok?wait=true, discord-webhooks",
            "discord.com, /api/%77ebhooks/1/x, discord-webhooks",
            "api.telegram.org, /bot123:ABC/sendMessage, telegram-bot-api",
            "API.OpenAI.com, /, openai-api",
            "api.openai.com., /, openai-api",
            "https://api.openai.com:443, /, openai-api",
            "Foo.OpenAI.Azure.Com., /, azure-openai",
    })
    void matchesHosts(String host, String path, String expectedId) {
        assertEquals(expectedId, idOf(host, path));
    }

    @ParameterizedTest(name = "{0}{1} -> none")
    @CsvSource({
            "discord.com, /channels/1/2",
            "discord.com, /api/v10/users/@me",
            "api.telegram.org, /file/x",
            "ngrok-free.app, /",
            "ngrok.com, /",
            "openai.azure.com, /",
            "example.com, /",
            "bedrock-runtime.amazonaws.com, /",
            "s3.us-east-1.amazonaws.com, /",
            "evilopenai.com, /",
            "api.openai.com.evil.example, /",
            "notaiplatform.googleapis.com.evil, /",
            "'', /",
    })
    void doesNotMatchLookAlikes(String host, String path) {
        assertEquals("none", idOf(host, path));
    }

    @Test
    void pathCanBeNull() {
        assertEquals(Optional.empty(), registry.match("discord.com", null));
        assertEquals("openai-api", idOf("api.openai.com", null));
    }

    private static Endpoint endpoint(String id, List<String> domains, List<String> paths) {
        return new Endpoint(id, id, EndpointCategory.API, domains, paths, RiskLevel.LOW, "test", "bidirectional");
    }

    @Test
    void mostSpecificWins() {
        EndpointRegistry r = EndpointRegistry.of(List.of(
                endpoint("wide", List.of("*.example.com"), null),
                endpoint("narrower", List.of("*.api.example.com"), null),
                endpoint("one-label", List.of("*.*.example.com"), null),
                endpoint("exact", List.of("v1.api.example.com"), null)));
        assertEquals("exact", r.match("v1.api.example.com", "/").orElseThrow().id());
        assertEquals("narrower", r.match("v2.api.example.com", "/").orElseThrow().id());
        assertEquals("narrower", r.match("x.v2.api.example.com", "/").orElseThrow().id());
        assertEquals("one-label", r.match("a.b.example.com", "/").orElseThrow().id());
        assertEquals("wide", r.match("www.example.com", "/").orElseThrow().id());
        assertTrue(r.match("example.com", "/").isEmpty());
    }

    @Test
    void anEntryNarrowedByPathBeatsAnEqualHostMatch() {
        EndpointRegistry r = EndpointRegistry.of(List.of(
                endpoint("whole-host", List.of("api.example.com"), null),
                endpoint("images", List.of("api.example.com"), List.of("/v1/images/**"))));
        assertEquals("images", r.match("api.example.com", "/v1/images/generations").orElseThrow().id());
        assertEquals("whole-host", r.match("api.example.com", "/v1/chat").orElseThrow().id());
    }

    @Test
    void customEntryReplacesBuiltInWithTheSameId() {
        Endpoint mine = new Endpoint("openai-api", "OpenAI via proxy", EndpointCategory.API,
                List.of("openai-proxy.corp.example"), null, RiskLevel.LOW, "proxied", "bidirectional");
        EndpointRegistry r = registry.with(List.of(mine));
        assertEquals(registry.all().size(), r.all().size());
        assertEquals("OpenAI via proxy", r.byId("openai-api").orElseThrow().name());
        assertEquals("openai-api", r.match("openai-proxy.corp.example", "/").orElseThrow().id());
        assertTrue(r.match("api.openai.com", "/").isEmpty(), "the replaced entry's domains are gone");
        // the built-in registry itself is unchanged
        assertEquals("openai-api", idOf("api.openai.com", "/"));
    }

    @Test
    void customEntryIsAdded() {
        Endpoint llm = new Endpoint("internal-llm", "Internal LLM Service", EndpointCategory.API,
                List.of("llm.corp.example"), null, RiskLevel.LOW, "Company-hosted LLM", "bidirectional");
        EndpointRegistry r = registry.with(List.of(llm));
        assertEquals(registry.all().size() + 1, r.all().size());
        assertEquals("internal-llm", r.match("LLM.corp.example", "/v1").orElseThrow().id());
        assertTrue(r.byId("internal-llm").isPresent());
    }

    @Test
    void badCustomDomainNamesTheEntry() {
        Endpoint bad = endpoint("broken", List.of("https://llm.corp.example"), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.with(List.of(bad)));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
        Endpoint badPath = endpoint("broken-path", List.of("x.example"), List.of("/api/[x"));
        assertThrows(IllegalArgumentException.class, () -> registry.with(List.of(badPath)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EndpointRegistry.validate(badPath))
                .getMessage().contains("'broken-path'"));
        EndpointRegistry.validate(endpoint("fine", List.of("*.x.example"), List.of("/v1/**")));
    }

    @Test
    void builtInIsLoadedOnce() {
        assertTrue(EndpointRegistry.builtIn() == EndpointRegistry.builtIn());
    }

    @Test
    void matchingIsFast() {
        String[] hosts = {"api.openai.com", "a.b.c.example.org", "bedrock-runtime.us-west-2.amazonaws.com",
                "discord.com", "x.ngrok-free.app"};
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            if (registry.match(hosts[i % hosts.length], "/api/webhooks/1/x").isPresent()) {
                found++;
            }
        }
        long perMatchNanos = (System.nanoTime() - start) / 200_000;
        assertEquals(160_000, found);
        assertTrue(perMatchNanos < 20_000, "match took " + perMatchNanos + " ns");
    }
}
