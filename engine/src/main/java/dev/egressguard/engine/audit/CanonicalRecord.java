package dev.egressguard.engine.audit;

/**
 * A record that writes its own canonical JSON (SPEC §8: keys sorted, no whitespace), so that {@link AuditLog}
 * seals it without building and sorting a map of it first. It is still a {@code Map} for whoever reads it after.
 */
interface CanonicalRecord {
    /**
     * Appends the record's canonical JSON with {@code seq} and {@code prevHash} but without {@code hash}, and
     * returns, as {@link Json#writeWithout} does, the offset where {@code "hash":...,} belongs (or -1 for last).
     */
    int writeWithoutHash(long seq, String prevHash, StringBuilder sb);

    /** The record was sealed with these: its map view shows them from now on. */
    void sealed(long seq, String prevHash, String hash);
}
