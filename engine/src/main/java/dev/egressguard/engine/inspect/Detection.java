package dev.egressguard.engine.inspect;

import dev.egressguard.config.PatternType;
import java.util.Objects;

/**
 * One finding (SPEC §5.4). Never holds the raw value: {@code valueId} is a digest used only to
 * count distinct values. {@code start}/{@code end} are offsets in the text of {@code location}
 * as it was sent (for an encoded finding, the whole encoded token), so redaction can replace it.
 */
public final class Detection {
    private final PatternType type;
    private final int start;
    private final int end;
    private final double confidence;
    private final String location;
    private final String encoding;
    private final String issuer;
    private final String valueId;
    private final boolean credentialSlot;
    private final String label;

    public Detection(PatternType type, int start, int end, double confidence, String location,
                     String encoding, String issuer, String valueId, boolean credentialSlot, String label) {
        this.type = Objects.requireNonNull(type);
        this.start = start;
        this.end = end;
        this.confidence = confidence;
        this.location = Objects.requireNonNull(location);
        this.encoding = encoding == null ? "plain" : encoding;
        this.issuer = issuer;
        this.valueId = Objects.requireNonNull(valueId);
        this.credentialSlot = credentialSlot;
        this.label = label;
    }

    public PatternType type() { return type; }
    public int start() { return start; }
    public int end() { return end; }
    public double confidence() { return confidence; }
    /** {@code body}, {@code url}, {@code header:<name>}, {@code arg:<n>}, {@code file:<path>}. */
    public String location() { return location; }
    /** {@code plain}, {@code json-escape}, {@code url}, {@code base64}, {@code gzip}, {@code unicode}, ... */
    public String encoding() { return encoding; }
    /** For vendor-format API keys, the issuer id of {@code issuers.yaml} ({@code github}, {@code openai}, ...); else null. */
    public String issuer() { return issuer; }
    /** Digest of the normalised value, for counting distinct values; never the value. */
    public String valueId() { return valueId; }
    /** Found in a credential slot: a credential header, query parameter, user-info or tool option. */
    public boolean credentialSlot() { return credentialSlot; }
    /** For custom types, the keyword or regex that matched; else null. */
    public String label() { return label; }

    public Detection withLocation(String newLocation) {
        return new Detection(type, start, end, confidence, newLocation, encoding, issuer, valueId, credentialSlot, label);
    }

    @Override
    public String toString() {
        return type + "@" + location + "[" + start + "," + end + ") " + encoding + " " + confidence;
    }
}
