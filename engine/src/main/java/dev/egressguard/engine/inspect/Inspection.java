package dev.egressguard.engine.inspect;

import java.util.List;
import java.util.function.Supplier;

/** What inspecting one piece of content found. */
public final class Inspection {
    private final List<Detection> detections;
    private final Supplier<String> textSource;
    private volatile String inspectedText;
    private final boolean truncated;

    public Inspection(List<Detection> detections, String inspectedText, boolean truncated) {
        this.detections = List.copyOf(detections);
        this.inspectedText = inspectedText;
        this.textSource = null;
        this.truncated = truncated;
    }

    /** The decoded text is built only when someone asks for it: most requests never need it. */
    Inspection(List<Detection> detections, Supplier<String> textSource, boolean truncated) {
        this.detections = List.copyOf(detections);
        this.textSource = textSource;
        this.truncated = truncated;
    }

    public List<Detection> detections() { return detections; }

    /** The decoded text that was scanned, for deny_body_patterns, previews and hashing. */
    public String inspectedText() {
        String t = inspectedText;
        if (t == null && textSource != null) {
            t = textSource.get();
            inspectedText = t;
        }
        return t == null ? "" : t;
    }

    /** The content was larger than maxBodyBytes and only its first maxBodyBytes were inspected. */
    public boolean truncated() { return truncated; }
}
