package dev.egressguard.agent.cli;

/** Bad usage, input or configuration: exit 2 with this one-line reason on stderr (SPEC §10). */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
