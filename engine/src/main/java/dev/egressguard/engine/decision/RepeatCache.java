package dev.egressguard.engine.decision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an engine worked out for a value it sees again and again: a service calls the same few
 * URLs and sends the same few header values with every request. Bounded: values that differ every
 * time just start the cache over. Thread-safe.
 */
final class RepeatCache<K, V> {
    /** Enough for the endpoints and headers of any service. */
    private static final int MAX_ENTRIES = 256;

    private final Map<K, V> entries = new ConcurrentHashMap<>();

    /** The value for {@code key}, worked out by {@code compute} when not yet known. */
    V get(K key, Function<K, V> compute) {
        V v = entries.get(key);
        if (v == null) {
            v = compute.apply(key);
            put(key, v);
        }
        return v;
    }

    V peek(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, value);
    }
}
