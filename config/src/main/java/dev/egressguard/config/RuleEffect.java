package dev.egressguard.config;

import java.util.Locale;

/** The effect of a SafeClaw-style rule (SPEC §5.1 {@code rules:}). */
public enum RuleEffect {
    ALLOW, DENY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
