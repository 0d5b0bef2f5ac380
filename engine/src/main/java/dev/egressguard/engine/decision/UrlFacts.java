package dev.egressguard.engine.decision;

import dev.egressguard.engine.inspect.Inspection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What one engine makes of a URL on its own: its destination (SPEC §5.6 steps 3-5 look at it), the
 * rules it matches and the URL's own inspection. A service calls the same few endpoints
 * over and over; these are worked out once per URL and engine, not once per request.
 */
final class UrlFacts {
    /** Enough for the endpoints of any service; URLs that differ every time just start the cache over. */
    private static final int MAX_URLS = 256;

    final Target target;
    final RuleMatch rules;
    final Inspection inspection;

    UrlFacts(Target target, RuleMatch rules, Inspection inspection) {
        this.target = target;
        this.rules = rules;
        this.inspection = inspection;
    }

    /** A bounded cache; thread-safe. */
    static final class Cache {
        private final Map<String, UrlFacts> byUrl = new ConcurrentHashMap<>();
        private final Function<String, UrlFacts> facts;

        Cache(Function<String, UrlFacts> facts) {
            this.facts = facts;
        }

        UrlFacts get(String url) {
            UrlFacts f = byUrl.get(url);
            if (f == null) {
                f = facts.apply(url);
                if (byUrl.size() >= MAX_URLS) {
                    byUrl.clear();
                }
                byUrl.put(url, f);
            }
            return f;
        }
    }
}
