package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SPEC §5.5. CONTRACT (owned by the inspection helper). */
public final class RiskScorer {
    private RiskScorer() {
    }

    /**
     * min(100, multiplier * Σ weight(t) * maxConfidence(t) * (1 + log2(distinct values of t))) over counted
     * types, rounded to one decimal as the spec quotes it (34.2, 65.7, 59.9).
     */
    public static double score(List<Detection> detections, double multiplier, Set<PatternType> counted) {
        if (detections.isEmpty()) {
            return 0.0;
        }
        Map<PatternType, Double> maxConfidence = new EnumMap<>(PatternType.class);
        Map<PatternType, Set<String>> values = new EnumMap<>(PatternType.class);
        for (Detection d : detections) {
            PatternType t = d.type();
            if (!counted.contains(t) || t.weight() == 0) {
                continue;
            }
            maxConfidence.merge(t, d.confidence(), Math::max);
            values.computeIfAbsent(t, k -> new HashSet<>()).add(d.valueId());
        }
        double sum = 0;
        for (Map.Entry<PatternType, Double> e : maxConfidence.entrySet()) {
            int distinct = values.get(e.getKey()).size();
            sum += e.getKey().weight() * e.getValue() * (1 + Math.log(distinct) / Math.log(2));
        }
        double score = Math.min(100.0, multiplier * sum);
        // the spec's figures are products of decimals; a tiny nudge keeps 59.85 from printing as 59.8
        return BigDecimal.valueOf(score + 1e-9).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
