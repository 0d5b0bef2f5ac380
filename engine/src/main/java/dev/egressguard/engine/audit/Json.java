package dev.egressguard.engine.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of the audit chain, and a small parser for reading it back.
 *
 * <p>Canonical form (what {@code hash} covers; external verifiers depend on it) follows RFC 8785
 * (JSON Canonicalization Scheme):
 * <ul>
 *   <li>object keys sorted recursively by UTF-16 code units ({@link String#compareTo}), no whitespace;</li>
 *   <li>strings escape only {@code "} {@code \\} and control characters: {@code \b \t \n \f \r}
 *       by name, other characters below U+0020 as a backslash, u and four lower-case hex digits; everything
 *       else, non-ASCII included, is written as itself in UTF-8;</li>
 *   <li>numbers as ECMAScript prints them: integral values with no fraction or exponent
 *       ({@code 40}, never {@code 40.0}), others in their shortest round-tripping decimal
 *       ({@code 72.5}, {@code 0.95}); exponent form only below 1e-6 or from 1e21;</li>
 *   <li>{@code true}, {@code false}, {@code null} as such.</li>
 * </ul>
 * The writer only emits integers and doubles rounded to at most 4 decimals, so
 * {@code json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} in
 * Python reproduces the same bytes for every record it writes.
 */
public final class Json {
    private Json() {
    }

    /** Canonical JSON of maps, lists, strings, numbers, booleans and null. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(value, sb);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    public static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String) {
            writeString((String) value, sb);
        } else if (value instanceof Boolean) {
            sb.append(((Boolean) value).booleanValue() ? "true" : "false");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            sb.append(((Number) value).longValue());
        } else if (value instanceof Number) {
            writeNumber(((Number) value).doubleValue(), sb);
        } else if (value instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) value;
            Map<String, Object> sorted = map instanceof TreeMap && ((TreeMap<String, Object>) map).comparator() == null
                    ? map : new TreeMap<>(map);
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof Collection) {
            sb.append('[');
            boolean first = true;
            for (Object o : (Collection<Object>) value) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else if (value instanceof Object[]) {
            write(java.util.Arrays.asList((Object[]) value), sb);
        } else if (value instanceof Enum) {
            writeString(((Enum<?>) value).name(), sb);
        } else {
            writeString(value.toString(), sb);
        }
    }

    /**
     * Writes an object without the key {@code skip} and returns the offset in {@code sb} where
     * {@code "skip":value,} belongs to keep the keys sorted, or -1 when it would be the last key
     * (then {@code ,"skip":value} goes before the closing brace). Lets a writer hash the record
     * without its hash and then put the hash in place, serialising once.
     */
    public static int writeWithout(Map<String, Object> map, String skip, StringBuilder sb) {
        Map<String, Object> sorted = map instanceof TreeMap && ((TreeMap<String, Object>) map).comparator() == null
                ? map : new TreeMap<>(map);
        int insertAt = -1;
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            int cmp = e.getKey().compareTo(skip);
            if (cmp == 0) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            if (cmp > 0 && insertAt < 0) {
                insertAt = sb.length();
            }
            first = false;
            writeString(e.getKey(), sb);
            sb.append(':');
            write(e.getValue(), sb);
        }
        sb.append('}');
        return insertAt;
    }

    static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        int clean = 0;
        while (clean < s.length()) {
            char c = s.charAt(clean);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            clean++;
        }
        // most strings need no escaping: copy them whole (append(String) copies the array; a range goes char by char)
        if (clean == s.length()) {
            sb.append(s).append('"');
            return;
        }
        sb.append(s, 0, clean);
        for (int i = clean; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\t': sb.append("\\t"); break;
                case '\n': sb.append("\\n"); break;
                case '\f': sb.append("\\f"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    /** ECMAScript Number::toString (RFC 8785 §3.2.2.3); NaN and infinities are written as null. */
    static void writeNumber(double d, StringBuilder sb) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
            return;
        }
        if (d == 0) {
            sb.append('0');
            return;
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            sb.append((long) d);
            return;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            sb.append(new BigDecimal(d).toPlainString());
            return;
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (d < 0) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits);
            for (int i = k; i < n; i++) {
                sb.append('0');
            }
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = 0; i < -n; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
    }

    /** Rounds to 4 decimals, the precision every double in a record is written with. */
    public static double round(double d) {
        return Math.round(d * 10000.0) / 10000.0;
    }

    /**
     * Parses one JSON value: objects become {@link TreeMap}s, arrays {@link ArrayList}s,
     * integers without fraction or exponent {@link Long}s, other numbers {@link Double}s.
     *
     * @throws IllegalArgumentException when the text is not exactly one JSON value
     */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.skipWs();
        Object v = p.value();
        p.skipWs();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    /** Parses a JSON object, or throws {@link IllegalArgumentException}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String why) {
            return new IllegalArgumentException(why + " at offset " + pos);
        }

        void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        Object value() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character");
            }
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) {
                throw error("bad literal");
            }
            pos += word.length();
            return v;
        }

        private Map<String, Object> object() {
            if (++depth > 64) {
                throw error("nested too deep");
            }
            pos++;
            Map<String, Object> m = new TreeMap<>();
            skipWs();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                depth--;
                return m;
            }
            while (true) {
                skipWs();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw error("expected a key");
                }
                String key = string();
                skipWs();
                expect(':');
                skipWs();
                if (m.containsKey(key)) {
                    throw error("duplicate key");
                }
                m.put(key, value());
                skipWs();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                depth--;
                return m;
            }
        }

        private List<Object> array() {
            if (++depth > 64) {
                throw error("nested too deep");
            }
            pos++;
            List<Object> list = new ArrayList<>();
            skipWs();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                depth--;
                return list;
            }
            while (true) {
                skipWs();
                list.add(value());
                skipWs();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                depth--;
                return list;
            }
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private String string() {
            pos++;
            StringBuilder sb = null;
            int start = pos;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                    pos++;
                    return out;
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(s, start, pos);
                    pos++;
                    if (pos >= s.length()) {
                        throw error("unterminated escape");
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"': sb.append('"'); break;
                        case '\\': sb.append('\\'); break;
                        case '/': sb.append('/'); break;
                        case 'b': sb.append('\b'); break;
                        case 'f': sb.append('\f'); break;
                        case 'n': sb.append('\n'); break;
                        case 'r': sb.append('\r'); break;
                        case 't': sb.append('\t'); break;
                        case 'u':
                            if (pos + 4 > s.length()) {
                                throw error("bad unicode escape");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("bad unicode escape");
                            }
                            pos += 4;
                            break;
                        default:
                            throw error("bad escape");
                    }
                    start = pos;
                } else {
                    pos++;
                }
            }
        }

        private Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            boolean integral = true;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    integral = false;
                    pos++;
                } else {
                    break;
                }
            }
            String tok = s.substring(start, pos);
            try {
                if (integral && tok.length() < 19) {
                    return Long.parseLong(tok);
                }
                return Double.parseDouble(tok);
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }
    }
}
