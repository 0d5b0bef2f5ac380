package dev.egressguard.api;

import java.io.IOException;

/**
 * Thrown (or delivered through a future or callback) when egress-guard blocks a request or
 * command. An {@link IOException}, so code that already handles network failures handles it.
 */
public class EgressBlockedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String incidentId;

    public EgressBlockedException(String message, String incidentId) {
        super(message);
        this.incidentId = incidentId;
    }

    /** The incident this block opened or repeated, or null when none was opened. */
    public String getIncidentId() {
        return incidentId;
    }
}
