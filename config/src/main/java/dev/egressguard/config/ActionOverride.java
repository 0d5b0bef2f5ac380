package dev.egressguard.config;

import java.util.Objects;

/** {@code actionOverrides} entry: this detected type proposes this action (SPEC §5.6 step 8). */
public final class ActionOverride {
    private final PatternType patternType;
    private final PolicyAction action;

    public ActionOverride(PatternType patternType, PolicyAction action) {
        this.patternType = Objects.requireNonNull(patternType);
        this.action = Objects.requireNonNull(action);
    }

    public PatternType patternType() { return patternType; }
    public PolicyAction action() { return action; }
}
