package dev.egressguard.engine.inspect;

import java.util.List;

/** What inspecting one piece of content found. */
public final class Inspection {
    private final List<Detection> detections;
    private final String inspectedText;
    private final boolean truncated;

    public Inspection(List<Detection> detections, String inspectedText, boolean truncated) {
        this.detections = List.copyOf(detections);
        this.inspectedText = inspectedText;
        this.truncated = truncated;
    }

    public List<Detection> detections() { return detections; }
    /** The decoded text that was scanned, for deny_body_patterns, previews and hashing. */
    public String inspectedText() { return inspectedText; }
    /** The content was larger than maxBodyBytes and only its first maxBodyBytes were inspected. */
    public boolean truncated() { return truncated; }
}
