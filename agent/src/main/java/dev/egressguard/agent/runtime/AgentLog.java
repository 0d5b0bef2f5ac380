package dev.egressguard.agent.runtime;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own log (SPEC §4 logLevel): stderr, each line prefixed {@code [egress-guard]}.
 * Deliberately not a logging framework: the host's logging must not be initialised or touched.
 */
public final class AgentLog {
    private static final String[] LEVELS = {"debug", "info", "warn", "error", "off"};
    private static volatile int threshold = 1;
    private static final Set<String> ONCE = ConcurrentHashMap.newKeySet();

    private AgentLog() {
    }

    public static void setLevel(String level) {
        String l = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(l) || (l.equals("warning") && i == 2)) {
                threshold = i;
                return;
            }
        }
        threshold = 1;
    }

    public static void debug(String message) { log(0, message); }
    public static void info(String message) { log(1, message); }
    public static void warn(String message) { log(2, message); }
    public static void error(String message) { log(3, message); }

    /** Logs a warning the first time a given place reports one, so a failure cannot flood the log. */
    public static void warnOnce(String place, String message) {
        if (ONCE.add(place)) {
            log(2, message);
        }
    }

    private static void log(int level, String message) {
        if (level >= threshold) {
            System.err.println("[egress-guard] " + (level >= 2 ? LEVELS[level].toUpperCase(Locale.ROOT) + " " : "") + message);
        }
    }
}
