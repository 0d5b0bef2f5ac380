package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*b", "(\\w+\\s?)*$", "((ab)+c)*", "(x{1,5}){2,}", "(?:a|b+)+",
        "(?<n>a+)+", "([a-z]+\\.)+com", "(?i)(a+)+"})
    void nestedRepetitionIsRejected(String regex) {
        Pattern.compile(regex);
        assertNotNull(RegexSafety.nestedQuantifier(regex), regex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\bPAY-\\d{8}\\b", "(\\d{3})+", "(ab)*c+", "(a+)?", "(a+)++", "(?>a+)+", "[(a+)]+",
        "\\(a+\\)+", "(a+){1}", "\\p{L}+(x)*", "\\Q(a+)+\\E", "(?=a+)b", "ORDER-[0-9]{6}"})
    void safeShapesPass(String regex) {
        Pattern.compile(regex);
        assertNull(RegexSafety.nestedQuantifier(regex), regex);
    }
}
