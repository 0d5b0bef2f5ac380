package dev.egressguard.engine.decision;

import dev.egressguard.engine.inspect.Detection;
import dev.egressguard.engine.inspect.Inspection;
import dev.egressguard.engine.inspect.Inspector;
import dev.egressguard.engine.inspect.Redactor;
import java.util.List;
import java.util.function.Supplier;

/**
 * The incident preview (SPEC §8): the first 500 characters of the content with every detected
 * span masked. Built only when a record needs it, and checked again so that a span the masking
 * missed withholds the preview instead of leaking it.
 */
final class Preview implements Supplier<String> {
    static final int LENGTH = 500;
    static final String WITHHELD = "[preview withheld: content could not be masked]";

    private final Inspector inspector;
    private final Supplier<String> text;
    private final List<Detection> detections;

    /** {@code text} is asked for only when the preview is (most decisions are never recorded with one). */
    Preview(Inspector inspector, Supplier<String> text, List<Detection> detections) {
        this.inspector = inspector;
        this.text = text;
        this.detections = detections;
    }

    @Override
    public String get() {
        String masked = detections.isEmpty() ? text.get() : Redactor.redactText(text.get(), detections, "[{type}]", inspector);
        if (masked == null) {
            return WITHHELD;
        }
        if (masked.length() > LENGTH) {
            masked = masked.substring(0, LENGTH);
        }
        for (int pass = 0; pass < 2; pass++) {
            Inspection again = inspector.inspectText(masked, "preview", false);
            if (again.detections().isEmpty()) {
                return masked;
            }
            masked = Redactor.redactText(masked, again.detections(), "[{type}]", inspector);
            if (masked == null) {
                return WITHHELD;
            }
        }
        return inspector.inspectText(masked, "preview", false).detections().isEmpty() ? masked : WITHHELD;
    }
}
