package dev.egressguard.config;

import java.util.Locale;

/** What a policy asks for a request; declared from least to most severe. */
public enum PolicyAction {
    ALLOW, WARN, REDACT, BLOCK;

    public boolean isMoreSevereThan(PolicyAction other) {
        return ordinal() > other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
