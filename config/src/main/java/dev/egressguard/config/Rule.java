package dev.egressguard.config;

import java.util.List;
import java.util.Objects;

/** A SafeClaw-style action-level rule (SPEC §5.1 {@code rules:}, §5.2, §5.6 step 2). */
public final class Rule {
    private final RuleKind kind;
    private final ResourcePattern resource;
    private final RuleEffect effect;
    private final List<String> denyBodyPatterns;
    private final String reason;

    public Rule(RuleKind kind, ResourcePattern resource, RuleEffect effect,
                List<String> denyBodyPatterns, String reason) {
        this.kind = Objects.requireNonNull(kind);
        this.resource = Objects.requireNonNull(resource);
        this.effect = Objects.requireNonNull(effect);
        this.denyBodyPatterns = denyBodyPatterns == null ? List.of() : List.copyOf(denyBodyPatterns);
        this.reason = reason;
    }

    public RuleKind kind() { return kind; }
    public ResourcePattern resource() { return resource; }
    public RuleEffect effect() { return effect; }
    public List<String> denyBodyPatterns() { return denyBodyPatterns; }
    /** The rule's own reason, or null when it gave none. */
    public String reason() { return reason; }

    /** How the rule is named in records: {@code deny network.request https://x/**}. */
    public String describe() {
        return effect.wireName() + " " + kind.wireName() + " " + resource.source();
    }
}
