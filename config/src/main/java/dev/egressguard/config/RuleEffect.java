package dev.egressguard.config;

import java.util.Locale;

/** The effect of a SafeClaw-style rule (SPEC §5.1 {@code rules:}). */
public enum RuleEffect {
    ALLOW, DENY;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name policies and records use; computed once, as records ask for it per request. */
    public String wireName() {
        return wireName;
    }
}
