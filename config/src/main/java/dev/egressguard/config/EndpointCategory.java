package dev.egressguard.config;

import java.util.Locale;

/** Registry categories (SPEC §5.3): seven kinds of public AI, and exfiltration sinks. */
public enum EndpointCategory {
    CHAT, API, CODE, SEARCH, IMAGE, ASSISTANT, ENTERPRISE, EXFIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
