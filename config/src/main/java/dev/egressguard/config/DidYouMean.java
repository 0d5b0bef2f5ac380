package dev.egressguard.config;

import java.util.Collection;
import java.util.Locale;

/** Suggests the known name a misspelt one was meant to be, by edit distance. */
final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate, or null when none is close enough to be a plausible typo. */
    static String suggest(String given, Collection<String> candidates) {
        // Long strings are not typos of short names, and would make the distance costly.
        if (given == null || given.isEmpty() || given.length() > 64) {
            return null;
        }
        String wanted = normalise(given);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = normalise(candidate);
            int distance;
            if (c.equals(wanted)) {
                distance = 0;
            } else if (wanted.length() >= 4 && c.startsWith(wanted)) {
                // "claude" for "claude-ai": a prefix is a likelier intent than a far edit.
                distance = 1;
            } else {
                distance = levenshtein(wanted, c, bestDistance);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = wanted.length() < 5 ? 1 : Math.max(2, Math.min(3, wanted.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    static String hint(String given, Collection<String> candidates) {
        String s = suggest(given, candidates);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Case, underscores and dashes are the commonest slips: blocked_tools, BlockedTools. */
    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static int levenshtein(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
