package dev.egressguard.config;

/**
 * The kinds of sensitive content egress-guard detects, with their score weights (SPEC §5.4)
 * and the SDS category incidents and exports carry (SPEC §8).
 */
public enum PatternType {
    SSN(40, "pii"),
    CREDIT_CARD(35, "pii"),
    API_KEY(30, "credentials"),
    PASSWORD(25, "credentials"),
    HEALTH_DATA(30, "pii"),
    PHONE(10, "pii"),
    EMAIL(10, "pii"),
    IP_ADDRESS(5, "pii"),
    PROMPT_INJECTION(50, "prompt-injection"),
    CUSTOM_KEYWORD(30, "custom"),
    CUSTOM_REGEX(30, "custom"),
    /** A command that hides what it runs (SPEC §7); decided by {@code shell.onObfuscated}, not scored. */
    SHELL_OBFUSCATION(0, "obfuscation");

    private final int weight;
    private final String sdsCategory;

    PatternType(int weight, String sdsCategory) {
        this.weight = weight;
        this.sdsCategory = sdsCategory;
    }

    public int weight() {
        return weight;
    }

    public String sdsCategory() {
        return sdsCategory;
    }

    /** The types a policy may list in {@code sensitivePatterns} and {@code actionOverrides}. */
    public boolean isPolicySelectable() {
        return this != SHELL_OBFUSCATION;
    }
}
