package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("blockedTools", "allowedTools", "customRegex", "riskThreshold");

    @Test
    void suggestsCloseNames() {
        assertEquals("blockedTools", DidYouMean.suggest("blockedTool", KEYS));
        assertEquals("blockedTools", DidYouMean.suggest("blocked_tools", KEYS));
        assertEquals("riskThreshold", DidYouMean.suggest("riskThresold", KEYS));
        assertEquals("customRegex", DidYouMean.suggest("CustomRegex", KEYS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertNull(DidYouMean.suggest("colour", KEYS));
        assertNull(DidYouMean.suggest("", KEYS));
        assertNull(DidYouMean.suggest("x".repeat(10_000), KEYS));
        assertEquals("", DidYouMean.hint("zzz", KEYS));
    }
}
