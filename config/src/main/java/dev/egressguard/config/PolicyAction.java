package dev.egressguard.config;

import java.util.Locale;

/** What a policy asks for a request; declared from least to most severe. */
public enum PolicyAction {
    ALLOW, WARN, REDACT, BLOCK;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public boolean isMoreSevereThan(PolicyAction other) {
        return ordinal() > other.ordinal();
    }

    /** The lower-case name policies and records use; computed once, as records ask for it per request. */
    public String wireName() {
        return wireName;
    }
}
