package dev.egressguard.agent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --filter FIELD:VALUE} of {@code audit}: a case-insensitive prefix on a field (any case; dotted for
 * nested ones, {@code target.host}); {@code action:} also matches {@code kind}. Filters on the
 * same field are alternatives, filters on different fields must all match.
 */
final class RecordFilter {
    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    static RecordFilter parse(List<String> specs) throws UsageException {
        RecordFilter f = new RecordFilter();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("bad filter '" + spec + "': use FIELD:VALUE, e.g. --filter action:block");
            }
            String field = spec.substring(0, colon).trim();
            if (!field.matches("[A-Za-z0-9_.]+")) {
                throw new UsageException("bad filter field '" + field + "': use a record field name, e.g. action, host, type");
            }
            f.byField.computeIfAbsent(field, k -> new ArrayList<>()).add(spec.substring(colon + 1).toLowerCase(Locale.ROOT));
        }
        return f;
    }

    boolean matches(Map<String, Object> record) {
        for (Map.Entry<String, List<String>> e : byField.entrySet()) {
            boolean any = false;
            for (String prefix : e.getValue()) {
                if (prefixOf(value(record, e.getKey()), prefix)
                        || e.getKey().equalsIgnoreCase("action") && prefixOf(record.get("kind"), prefix)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefixOf(Object value, String prefix) {
        return value != null && String.valueOf(value).toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> record, String field) {
        Object v = record;
        for (String part : field.split("\\.")) {
            if (!(v instanceof Map)) {
                return null;
            }
            Map<String, Object> m = (Map<String, Object>) v;
            v = m.get(part);
            if (v == null) {
                // field names are matched without regard to case too, like the values
                for (Map.Entry<String, Object> e : m.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(part)) {
                        v = e.getValue();
                        break;
                    }
                }
            }
        }
        return v;
    }
}
