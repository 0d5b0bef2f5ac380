package dev.egressguard.engine.shell;

import java.util.List;

/** Shell command analysis (SPEC §7). Thread-safe. CONTRACT (owned by the shell helper). */
public final class CommandAnalyzer {
    private final long maxFileBytes;

    /** @param maxFileBytes how much of an @file / upload file is read for inspection */
    public CommandAnalyzer(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** @param workingDir where relative @file paths resolve; null for the current directory */
    public CommandAnalysis analyze(List<String> argv, String workingDir) {
        throw new UnsupportedOperationException("TODO");
    }
}
