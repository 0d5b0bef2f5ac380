package dev.egressguard.engine.inspect;

import dev.egressguard.config.Policy;

/**
 * Content inspection (SPEC §5.4): decoding, normalising and every detector in one pass.
 * Thread-safe and immutable once built. CONTRACT (owned by the inspection helper).
 */
public final class Inspector {

    /** Detectors for the policy's sensitivePatterns, customKeywords and customRegex. */
    public static Inspector forPolicy(Policy policy, long maxBodyBytes) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A request body as sent; content type and encoding from its headers, either may be null. */
    public Inspection inspectBody(byte[] body, String contentType, String contentEncoding) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A URL: path and query percent-decoded; user-info and credential query parameters are slots. */
    public Inspection inspectUrl(String url) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A header value; credential headers are slots, Basic credentials decoded first. */
    public Inspection inspectHeader(String name, String value) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Any other text: a command argument ({@code arg:<n>}), a file payload ({@code file:<path>}). */
    public Inspection inspectText(String text, String location, boolean credentialSlot) {
        throw new UnsupportedOperationException("TODO");
    }
}
