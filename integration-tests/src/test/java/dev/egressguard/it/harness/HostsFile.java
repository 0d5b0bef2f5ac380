package dev.egressguard.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code jdk.net.hosts.file} mapping real-looking names to loopback, so that a forked app can call
 * {@code http://api.openai.com:<port>/} and reach the {@link RecordingServer}. Only JVM lookups use it:
 * curl takes {@code --resolve}, wget a proxy.
 */
public final class HostsFile {
    public static final List<String> NAMES = List.of("localhost", "api.openai.com", "api.anthropic.com",
            "pastebin.com", "api.github.com", "webhook.site", "service.corp.example", "llm.corp.example",
            "api.payments.example", "example.com");

    private HostsFile() {
    }

    public static Path write(Path dir) {
        StringBuilder text = new StringBuilder();
        for (String name : NAMES) {
            text.append("127.0.0.1 ").append(name).append('\n');
        }
        try {
            return Files.writeString(dir.resolve("hosts"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
