package dev.egressguard.engine.incident;

import dev.egressguard.engine.Action;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The open incidents of this process: a decision with the same agent, host, action and content
 * hash as an open incident repeats it; any other opens a new one (SPEC §8). Bounded: the
 * least recently seen incidents are forgotten first, and their next repeat opens a new one.
 */
public final class IncidentTracker {
    private static final int MAX_OPEN = 10_000;

    /** The outcome for one decision. */
    public static final class Event {
        private final String id;
        private final boolean opened;
        private final long count;

        Event(String id, boolean opened, long count) {
            this.id = id;
            this.opened = opened;
            this.count = count;
        }

        public String id() { return id; }
        /** True for a new incident, false for a repeat of an open one. */
        public boolean opened() { return opened; }
        /** How many decisions this incident has seen, this one included. */
        public long count() { return count; }
    }

    private static final class Open {
        final String id;
        long count = 1;

        Open(String id) {
            this.id = id;
        }
    }

    private final Map<String, Open> byKey = new LinkedHashMap<String, Open>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
            if (size() > MAX_OPEN) {
                keyById.remove(eldest.getValue().id);
                return true;
            }
            return false;
        }
    };
    private final Map<String, String> keyById = new HashMap<>();

    public synchronized Event observe(String agentId, String host, Action action, String contentSha256) {
        String key = agentId + '\u0000' + host + '\u0000' + action + '\u0000' + contentSha256;
        Open o = byKey.get(key);
        if (o != null) {
            o.count++;
            return new Event(o.id, false, o.count);
        }
        String id = newId();
        byKey.put(key, new Open(id));
        keyById.put(id, key);
        return new Event(id, true, 1);
    }

    /** A status change: resolved and false-positive incidents are closed, so the next match opens a new one. */
    public synchronized void statusChanged(String id, String status) {
        if ("resolved".equals(status) || "false_positive".equals(status)) {
            String key = keyById.remove(id);
            if (key != null) {
                byKey.remove(key);
            }
        }
    }

    /** {@code inc_} and 16 lower-case hex digits. */
    public static String newId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "inc_" + "0000000000000000".substring(hex.length()) + hex;
    }
}
