package dev.egressguard.engine.decision;

import dev.egressguard.engine.inspect.Detection;
import dev.egressguard.engine.inspect.Inspection;
import dev.egressguard.engine.shell.Payload;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** What content inspection found in one request or command, after the credential-slot exemption. */
final class Findings {
    final List<Detection> detections = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** For commands: what each payload held, by payload (several payloads of a script share a location). */
    final Map<Payload, List<Detection>> byPayload = new IdentityHashMap<>();
    private final List<String> texts = new ArrayList<>();
    boolean oversized;

    void add(Inspection inspection) {
        texts.add(inspection.inspectedText());
    }

    /** All inspected text, lower-cased, for deny_body_patterns (step 7). */
    String lowerCaseText() {
        StringBuilder b = new StringBuilder();
        for (String t : texts) {
            if (t != null) {
                b.append(t).append('\n');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    boolean isEmpty() {
        return detections.isEmpty();
    }
}
