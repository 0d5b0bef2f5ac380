package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.util.List;
import java.util.Set;

/** SPEC §5.5. CONTRACT (owned by the inspection helper). */
public final class RiskScorer {
    private RiskScorer() {
    }

    /** min(100, multiplier * Σ weight(t) * maxConfidence(t) * (1 + log2(distinct values of t))) over counted types. */
    public static double score(List<Detection> detections, double multiplier, Set<PatternType> counted) {
        throw new UnsupportedOperationException("TODO");
    }
}
