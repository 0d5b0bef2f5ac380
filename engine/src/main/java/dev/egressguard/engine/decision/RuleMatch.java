package dev.egressguard.engine.decision;

import dev.egressguard.config.Rule;
import dev.egressguard.config.RuleEffect;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2 of SPEC §5.6: of the rules that match, the most specific decides; on a tie, deny.
 * Equally specific allow rules pool their deny_body_patterns.
 */
final class RuleMatch {
    static final RuleMatch NONE = new RuleMatch(null, List.of());

    private final Rule deciding;
    private final List<Rule> allows;

    private RuleMatch(Rule deciding, List<Rule> allows) {
        this.deciding = deciding;
        this.allows = allows;
    }

    /** The best match of these rules over any of the subjects (a URL, or each command line). */
    static RuleMatch find(List<Rule> rules, List<String> subjects) {
        if (rules.isEmpty()) {
            return NONE;
        }
        int best = -1;
        Rule bestDeny = null;
        List<Rule> bestAllows = new ArrayList<>(2);
        for (Rule r : rules) {
            int s = r.resource().specificity();
            if (s < best || !matchesAny(r, subjects)) {
                continue;
            }
            if (s > best) {
                best = s;
                bestDeny = null;
                bestAllows.clear();
            }
            if (r.effect() == RuleEffect.DENY) {
                if (bestDeny == null) {
                    bestDeny = r;
                }
            } else {
                bestAllows.add(r);
            }
        }
        if (best < 0) {
            return NONE;
        }
        if (bestDeny != null) {
            return new RuleMatch(bestDeny, List.of());
        }
        return new RuleMatch(bestAllows.get(0), List.copyOf(bestAllows));
    }

    static RuleMatch find(List<Rule> rules, String subject) {
        return rules.isEmpty() ? NONE : find(rules, List.of(subject));
    }

    private static boolean matchesAny(Rule r, List<String> subjects) {
        for (String s : subjects) {
            if (r.resource().matches(s)) {
                return true;
            }
        }
        return false;
    }

    boolean denies() {
        return deciding != null && deciding.effect() == RuleEffect.DENY;
    }

    /** "The matching allow rule" of steps 5 and 7. */
    boolean allows() {
        return !allows.isEmpty();
    }

    Rule deciding() {
        return deciding;
    }

    boolean hasDenyBodyPatterns() {
        for (Rule r : allows) {
            if (!r.denyBodyPatterns().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The first deny_body_pattern of the matching allow rules found in the text, case-insensitively; else null. */
    String deniedBodyPattern(String lowerCaseText) {
        for (Rule r : allows) {
            for (String p : r.denyBodyPatterns()) {
                if (!p.isEmpty() && lowerCaseText.contains(p.toLowerCase(java.util.Locale.ROOT))) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The rule's reason, or a description of the rule when it gave none. */
    String reason() {
        return deciding.reason() != null ? deciding.reason() : "denied by rule " + deciding.describe();
    }
}
