package dev.egressguard.config;

/** One problem in a policy file, located where a user can fix it. */
public final class PolicyError {
    private final String file;
    private final int line;
    private final int column;
    private final String message;

    public PolicyError(String file, int line, int column, String message) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = message;
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    public String message() { return message; }

    /** {@code policy.yaml:12:1: unknown key 'blockedTool' (did you mean 'blockedTools'?)} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
