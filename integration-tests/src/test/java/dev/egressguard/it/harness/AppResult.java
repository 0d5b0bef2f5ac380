package dev.egressguard.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a forked app did: exit code, output, and the {@code RESULT ...} lines the apps print, one per request
 * ({@code RESULT status=200}, or {@code RESULT error=<class> blocked=<true|false> message=<message>}; see
 * {@code dev.egressguard.it.apps.AppOutput}).
 */
public record AppResult(int exitCode, String stdout, String stderr, Path workDir) {

    public List<String> results() {
        List<String> results = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("RESULT ")) {
                results.add(line.substring("RESULT ".length()).trim());
            }
        }
        return results;
    }

    /** The i-th result line; fails with the whole output when there are fewer. */
    public String result(int i) {
        List<String> results = results();
        if (i >= results.size()) {
            throw new AssertionError("app printed " + results.size() + " results, wanted #" + i + "\n" + this);
        }
        return results.get(i);
    }

    /** The audit log the agent wrote into the app's working directory (the default path), line by line. */
    public List<String> auditLines() {
        Path audit = workDir.resolve("egress-guard-audit.jsonl");
        try {
            return Files.exists(audit) ? Files.readAllLines(audit) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines the agent logged ({@code [egress-guard] ...}). */
    public List<String> agentLog() {
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.startsWith("[egress-guard]")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " in " + workDir + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
