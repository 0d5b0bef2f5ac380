package dev.egressguard.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policy files (SPEC §5.1) the tests write, and values that the detectors find (built at run time). */
public final class Policies {
    private Policies() {
    }

    /** Writes a policy YAML into a fresh directory and returns its path. */
    public static Path write(String name, String yaml) {
        Path dir = ItPaths.newWorkDir("policy-" + name);
        try {
            return Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid SSN (passes the SSA rules; the classic example number). */
    public static String ssn() {
        return "123" + "-45-" + "6789";
    }

    /** An OpenAI-looking key: "sk-proj-" and 40 alphanumerics, never a literal in the sources. */
    public static String openAiKey() {
        StringBuilder key = new StringBuilder("sk-" + "proj-");
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }
}
