package dev.egressguard.engine.inspect;

import java.util.List;

/** Redaction (SPEC §5.6 outcomes). CONTRACT (owned by the inspection helper). */
public final class Redactor {
    private Redactor() {
    }

    /**
     * The body with every detected span replaced by {@code redactWith} ({@code {type}} expanded),
     * JSON kept valid, encoded detections replaced whole, compressed bodies recompressed; with
     * {@code fixedLength}, spans are masked with '*' so the length does not change.
     * @return the new body, or null when the redaction cannot be carried out
     */
    public static byte[] redactBody(byte[] body, String contentType, String contentEncoding,
                                    List<Detection> bodyDetections, String redactWith, boolean fixedLength) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Plain text (an argument, a URL) with the detected spans replaced; null when impossible. */
    public static String redactText(String text, List<Detection> detections, String redactWith) {
        throw new UnsupportedOperationException("TODO");
    }
}
