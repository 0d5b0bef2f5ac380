package dev.egressguard.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One built-in data file ({@code endpoints.yaml}, {@code issuers.yaml}) read strictly: a missing
 * field, an unknown key or a duplicate key is a broken build, reported with the file and the
 * entry so whoever edited it can fix it.
 *
 * <p>These files use one small YAML subset: a single top-level key holding a list of flat
 * mappings whose values are scalars or flow lists ({@code [a, "b"]}). Reading that subset here
 * keeps a YAML library out of the agent's start-up, which matters on every JVM it joins.
 */
final class ResourceYaml {
    /** One list entry: key to a String or a List of Strings, in file order. */
    static final class Entry {
        final Map<String, Object> values = new LinkedHashMap<>();
    }

    private final String fileName;
    private final String topKey;
    private final List<Entry> entries;

    private ResourceYaml(String fileName, String topKey, List<Entry> entries) {
        this.fileName = fileName;
        this.topKey = topKey;
        this.entries = entries;
    }

    /** The resource {@code fileName} beside this class. */
    static ResourceYaml load(String fileName) {
        String text;
        try (InputStream in = ResourceYaml.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource " + fileName + " is missing from the class path");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            text = out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("built-in resource " + fileName + " cannot be read: " + e.getMessage(), e);
        }
        return parse(fileName, text);
    }

    private static ResourceYaml parse(String fileName, String text) {
        String topKey = null;
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        int itemIndent = -1;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]);
            if (line.isBlank()) {
                continue;
            }
            int indent = 0;
            while (line.charAt(indent) == ' ') {
                indent++;
            }
            String body = line.substring(indent).trim();
            if (indent == 0) {
                if (topKey != null || !body.endsWith(":") || body.length() < 2) {
                    throw invalid(fileName, n, "expected one top-level key followed by a list");
                }
                topKey = body.substring(0, body.length() - 1).trim();
                continue;
            }
            if (topKey == null) {
                throw invalid(fileName, n, "indented line before the top-level key");
            }
            if (body.startsWith("- ")) {
                current = new Entry();
                entries.add(current);
                itemIndent = indent + 2;
                body = body.substring(2).trim();
            } else if (current == null || indent != itemIndent) {
                throw invalid(fileName, n, "expected '- key: value' or a key aligned with its entry");
            }
            int colon = keyEnd(body);
            if (colon <= 0) {
                throw invalid(fileName, n, "expected 'key: value'");
            }
            String key = body.substring(0, colon).trim();
            Object value = value(fileName, n, body.substring(colon + 1).trim());
            if (current.values.put(key, value) != null) {
                throw invalid(fileName, n, "duplicate key '" + key + "'");
            }
        }
        return new ResourceYaml(fileName, topKey, entries);
    }

    private static Object value(String fileName, int n, String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]")) {
                throw invalid(fileName, n, "unclosed '['");
            }
            List<String> items = new ArrayList<>();
            String inner = raw.substring(1, raw.length() - 1).trim();
            int i = 0;
            while (i < inner.length()) {
                char c = inner.charAt(i);
                int end;
                String item;
                if (c == '"' || c == '\'') {
                    end = inner.indexOf(c, i + 1);
                    if (end < 0) {
                        throw invalid(fileName, n, "unclosed quote");
                    }
                    item = inner.substring(i + 1, end);
                    end++;
                } else {
                    end = inner.indexOf(',', i);
                    end = end < 0 ? inner.length() : end;
                    item = inner.substring(i, end).trim();
                }
                items.add(item);
                while (end < inner.length() && (inner.charAt(end) == ' ' || inner.charAt(end) == ',')) {
                    end++;
                }
                i = end;
            }
            return items;
        }
        char q = raw.charAt(0);
        if (q == '"' || q == '\'') {
            if (raw.length() < 2 || raw.charAt(raw.length() - 1) != q) {
                throw invalid(fileName, n, "unclosed quote");
            }
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }

    /** Where the key ends: the first ':' followed by a space or the end, outside quotes. */
    private static int keyEnd(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' || c == '\'' || c == '[') {
                return -1;
            }
            if (c == ':' && (i + 1 == body.length() || body.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** The line without a trailing {@code # comment}; a '#' inside quotes is kept. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
                return line.substring(0, i);
            } else if (c == '\t') {
                return line.replace('\t', ' ');
            }
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static IllegalStateException invalid(String fileName, int lineIndex, String what) {
        return new IllegalStateException("built-in resource " + fileName + " is not valid YAML: line "
                + (lineIndex + 1) + ": " + what);
    }

    /** The entries of the document's only key, {@code topKey}, which must be a non-empty list. */
    List<Entry> list(String expectedTopKey) {
        if (topKey == null || !topKey.equals(expectedTopKey)) {
            throw error("the document", "must be a mapping with the key '" + expectedTopKey + "'");
        }
        if (entries.isEmpty()) {
            throw error("the document", "'" + expectedTopKey + "' must be a non-empty list");
        }
        return entries;
    }

    IllegalStateException error(String where, String what) {
        return new IllegalStateException(fileName + ": " + where + ": " + what);
    }

    void onlyKeys(Entry node, String where, Set<String> allowed) {
        for (String key : node.values.keySet()) {
            if (!allowed.contains(key)) {
                throw error(where, "unknown key '" + key + "' (expected one of " + allowed + ")");
            }
        }
    }

    String text(Entry node, String where, String key) {
        Object v = node.values.get(key);
        if (v == null) {
            throw error(where, "missing '" + key + "'");
        }
        if (!(v instanceof String) || ((String) v).trim().isEmpty()) {
            throw error(where, "'" + key + "' must be a non-empty string");
        }
        return (String) v;
    }

    List<String> strings(Entry node, String where, String key, boolean required) {
        Object v = node.values.get(key);
        if (v == null) {
            if (required) {
                throw error(where, "missing '" + key + "'");
            }
            return List.of();
        }
        if (!(v instanceof List) || ((List<?>) v).isEmpty()) {
            throw error(where, "'" + key + "' must be a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : (List<?>) v) {
            String s = (String) item;
            if (s.trim().isEmpty()) {
                throw error(where, "'" + key + "' must hold non-empty strings only");
            }
            out.add(s);
        }
        return out;
    }
}
