package dev.egressguard.engine.decision;

import dev.egressguard.engine.inspect.Inspection;

/**
 * What one engine makes of a URL on its own: its destination (SPEC §5.6 steps 3-5 look at it), the
 * rules it matches and the URL's own inspection. A service calls the same few endpoints
 * over and over; these are worked out once per URL and engine, not once per request.
 */
final class UrlFacts {
    final Target target;
    final RuleMatch rules;
    final Inspection inspection;

    UrlFacts(Target target, RuleMatch rules, Inspection inspection) {
        this.target = target;
        this.rules = rules;
        this.inspection = inspection;
    }
}
