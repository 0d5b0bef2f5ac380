package dev.egressguard.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Positions map back to the text as sent through expansions, removals and escapes before the finding. */
class OffsetMappingTest {
    private static final Inspector INSPECTOR = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "ligature and fractions before|\uFB01le \u00BD \u2460 then |123-45-6789| end|plain",
        "combining marks and ideographic space|caf\u00E9\u0301 \u3000 ssn |123-45-6789||plain",
        "mathematical digits|x |\uD835\uDFCF\uD835\uDFD0\uD835\uDFD1-45-6789| y|unicode",
        "Arabic-Indic digits|id |\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669| ok|unicode",
        "JSON escapes before|abc\\u00e9\\u200b\\n |123-45-6789||plain",
        "percent escapes before|x%C3%A9 %E2%80%8B|123-45-6789||plain",
        "escaped value|v |123\\u002D45\\u002d6789| w|json-escape",
        "zero-width inside|v |123\u200D-45\u2060-6789| w|unicode",
    })
    void ssnSpanIsTheTokenAsSent(String name, String before, String token, String after, String encoding) {
        String text = before + token + (after == null ? "" : after);
        Inspection r = INSPECTOR.inspectBody(text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
        Detection d = r.detections().stream().filter(x -> x.type() == PatternType.SSN).findFirst().orElseThrow();
        assertEquals(before.length(), d.start(), name + ": start");
        assertEquals(before.length() + token.length(), d.end(), name + ": end");
        assertEquals(encoding, d.encoding(), name + ": encoding");
    }
}
