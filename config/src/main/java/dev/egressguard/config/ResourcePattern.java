package dev.egressguard.config;

/**
 * A compiled rule resource (SPEC §5.2): URL globs for {@code network.request}, host globs for
 * {@code network.dns}, command-line globs for {@code shell.exec}.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class ResourcePattern {
    private final RuleKind kind;
    private final String source;

    private ResourcePattern(RuleKind kind, String source) {
        this.kind = kind;
        this.source = source;
    }

    /** @throws IllegalArgumentException with a message fit for a {@code file:line:col:} error. */
    public static ResourcePattern compile(RuleKind kind, String pattern) {
        throw new UnsupportedOperationException("TODO");
    }

    public RuleKind kind() { return kind; }
    public String source() { return source; }

    /** Whether the URL / host / command line matches, per the kind's SPEC §5.2 semantics. */
    public boolean matches(String subject) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The most literal characters wins (SPEC §5.6 step 2); an escape or class counts as one. */
    public int specificity() {
        throw new UnsupportedOperationException("TODO");
    }
}
