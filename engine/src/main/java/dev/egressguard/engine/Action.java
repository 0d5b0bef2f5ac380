package dev.egressguard.engine;

import dev.egressguard.config.PolicyAction;
import java.util.Locale;

/** The outcome of a check (SPEC §11), from least to most severe. */
public enum Action {
    ALLOW, WARN, REDACT, BLOCK;

    public static Action of(PolicyAction action) {
        return values()[action.ordinal()];
    }

    public boolean isMoreSevereThan(Action other) {
        return ordinal() > other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
