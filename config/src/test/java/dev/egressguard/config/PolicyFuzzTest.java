package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever it is fed, the loader returns a Policy or throws a PolicyException with located,
 * one-line errors, in bounded time. Fixed seeds, so a failure reproduces.
 */
class PolicyFuzzTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);
    private static final String[] TOKENS = {
        "{", "}", "[", "]", ":", ": ", ", ", "- ", "\n", "\n  ", "\n    ", "  ", "\t", "&a ", "*a", "&b ", "*b",
        "!!binary ", "!!int ", "!foo ", "'", "\"", "#", "---\n", "...\n", "|\n", ">-\n", "? ", "~", "null",
        "true", "false", "yes", "0x1F", "1e9999", "-1", "150", "3.5", "\\", "\\u0000", "%YAML 1.2\n",
        "name", "mode", "rules", "action", "resource", "effect", "allowedTools", "blockedTools",
        "actionOverrides", "patternType", "customRegex", "customEndpoints", "riskThreshold", "shell",
        "export", "otlp", "headers", "onObfuscated", "network.request", "shell.exec", "deny", "allow",
        "block", "SSN", "chatgpt", "pastebin", "(a+)+", "https://x.example/**", "[abc", "curl *",
        "\u00e9", "\uD83D\uDE00", "\uFEFF", "<<: *a\n",
    };

    private final PolicyLoader loader = new PolicyLoader(EndpointRegistry.builtIn());

    @Test
    void randomBytes() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            String text = i % 2 == 0 ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, StandardCharsets.ISO_8859_1);
            check("bytes#" + i, () -> text);
        }
    }

    @Test
    void randomBytesFromFiles(@TempDir Path dir) throws Exception {
        Random random = new Random(7L);
        Path file = dir.resolve("fuzz.yaml");
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (i % 3 == 0) {
                // mostly-text bytes reach further into the parser than pure noise
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) (bytes[j] & 0x7F);
                }
            }
            Files.write(file, bytes);
            String label = "file#" + i;
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                try {
                    assertNotNull(loader.load(file));
                } catch (PolicyException e) {
                    assertWellFormed(label, e, file.toString());
                }
            }, label);
        }
    }

    @Test
    void yamlTokenSoup() {
        Random random = new Random(42L);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int j = 0; j < n; j++) {
                sb.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            String text = sb.toString();
            check("soup#" + i, () -> text);
        }
    }

    @Test
    void mutatedValidPolicies() throws Exception {
        List<String> seeds = List.of(
                Files.readString(PolicyLoaderTest.resource("full-policy.yaml")),
                Files.readString(PolicyLoaderTest.resource("safeclaw-rules.yaml")));
        Random random = new Random(1234L);
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            String text = mutate(seeds.get(i % seeds.size()), random, 1 + random.nextInt(4));
            if (check("mutant#" + i, () -> text)) {
                accepted++;
            }
        }
        // Both outcomes must occur, or the mutations are not exercising the validator.
        assertTrue(accepted > 0 && accepted < 2000, "accepted " + accepted);
    }

    private static String mutate(String s, Random random, int times) {
        for (int t = 0; t < times; t++) {
            if (s.isEmpty()) {
                return s;
            }
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0: // delete a span
                    s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
                    break;
                case 1: // insert a token
                    s = s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
                    break;
                case 2: // duplicate a line
                case 3: { // swap two lines
                    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    if (random.nextBoolean()) {
                        lines.add(b, lines.get(a));
                    } else {
                        String x = lines.get(a);
                        lines.set(a, lines.get(b));
                        lines.set(b, x);
                    }
                    s = String.join("\n", lines);
                    break;
                }
                case 4: // replace a character
                    s = s.substring(0, at) + (char) (32 + random.nextInt(95)) + s.substring(at + 1);
                    break;
                default: // change an indentation
                    int nl = s.indexOf('\n', at);
                    if (nl >= 0) {
                        s = s.substring(0, nl + 1) + " ".repeat(random.nextInt(3)) + s.substring(nl + 1);
                    }
                    break;
            }
        }
        return s;
    }

    /** True when a Policy came back, false when a well-formed PolicyException did; anything else fails. */
    private boolean check(String label, Supplier<String> input) {
        String text = input.get();
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                assertNotNull(loader.parse(text, "fuzz.yaml"));
                return true;
            } catch (PolicyException e) {
                assertWellFormed(label, e, "fuzz.yaml");
                return false;
            } catch (RuntimeException | StackOverflowError e) {
                fail(label + ": " + e.getClass().getName() + " escaped the loader: " + e.getMessage());
                return false;
            }
        }, label);
    }

    private static void assertWellFormed(String label, PolicyException e, String file) {
        assertFalse(e.errors().isEmpty(), label + ": exception without errors");
        for (PolicyError err : e.errors()) {
            assertTrue(file.equals(err.file()), label);
            assertTrue(err.line() >= 1 && err.column() >= 1, label + ": bad position " + err);
            assertNotNull(err.message(), label);
            assertFalse(err.message().isEmpty(), label);
            assertFalse(err.message().contains("\n"), label + ": multi-line message");
        }
    }
}
