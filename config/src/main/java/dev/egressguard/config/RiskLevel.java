package dev.egressguard.config;

import java.util.Locale;

/** Registry risk levels and their score multipliers (SPEC §5.3, §5.5). */
public enum RiskLevel {
    CRITICAL(1.0), HIGH(0.9), MEDIUM(0.7), LOW(0.5);

    private final String wireName = name().toLowerCase(Locale.ROOT);

    private final double multiplier;

    RiskLevel(double multiplier) {
        this.multiplier = multiplier;
    }

    public double multiplier() {
        return multiplier;
    }

    /** The lower-case name policies and records use; computed once, as records ask for it per request. */
    public String wireName() {
        return wireName;
    }
}
