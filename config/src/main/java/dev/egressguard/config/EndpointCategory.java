package dev.egressguard.config;

import java.util.Locale;

/** Registry categories (SPEC §5.3): seven kinds of public AI, and exfiltration sinks. */
public enum EndpointCategory {
    CHAT, API, CODE, SEARCH, IMAGE, ASSISTANT, ENTERPRISE, EXFIL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name policies and records use; computed once, as records ask for it per request. */
    public String wireName() {
        return wireName;
    }
}
