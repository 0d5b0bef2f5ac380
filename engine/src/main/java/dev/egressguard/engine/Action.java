package dev.egressguard.engine;

import dev.egressguard.config.PolicyAction;
import java.util.Locale;

/** The outcome of a check (SPEC §11), from least to most severe. */
public enum Action {
    ALLOW, WARN, REDACT, BLOCK;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public static Action of(PolicyAction action) {
        return values()[action.ordinal()];
    }

    public boolean isMoreSevereThan(Action other) {
        return ordinal() > other.ordinal();
    }

    /** The lower-case name policies and records use; computed once, as records ask for it per request. */
    public String wireName() {
        return wireName;
    }
}
