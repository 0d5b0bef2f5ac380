package dev.egressguard.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void canonicalFormSortsKeysAndPrintsNumbersLikeEcmaScript() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", List.of(40.0, 72.5, 0.95, -3.25, 1e21, 1e-7, 0.000123));
        m.put("M", Map.of("y", true, "b", "x"));
        m.put("n", null);
        assertEquals("{\"M\":{\"b\":\"x\",\"y\":true},\"a\":[40,72.5,0.95,-3.25,1e+21,1e-7,0.000123],\"n\":null,\"z\":1}",
                Json.write(m));
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequires() {
        assertEquals("\"q\\\"b\\\\n\\n\\t\\u0001é/€\"", Json.write("q\"b\\n\n\t\u0001é/€"));
    }

    @Test
    void parseThenWriteIsTheIdentityOnCanonicalText() {
        String text = "{\"a\":[1,2.5,{\"b\":null}],\"c\":\"d\\u0002\",\"e\":false,\"f\":-12}";
        assertEquals(text, Json.write(Json.parse(text)));
        assertEquals(7L, Json.parse("7"));
        assertEquals(2.5, Json.parse("2.5e0"));
    }

    @Test
    void rejectsWhatIsNotOneJsonValue() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"tab\there\""));
    }
}
