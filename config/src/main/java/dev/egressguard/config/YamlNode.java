package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so that every policy error can name its
 * line and column. Built by {@link YamlTreeReader}; immutable once built.
 */
final class YamlNode {

    enum Kind { MAPPING, SEQUENCE, STRING, NUMBER, BOOLEAN, NULL, BINARY }

    /** A mapping entry: the key with its own position, and the value. */
    static final class Entry {
        final String key;
        final int line;
        final int column;
        final YamlNode value;

        Entry(String key, int line, int column, YamlNode value) {
            this.key = key;
            this.line = line;
            this.column = column;
            this.value = value;
        }
    }

    final Kind kind;
    final int line;
    final int column;
    /** The scalar as written (for numbers and booleans too); null for collections. */
    final String text;
    final double number;
    final boolean bool;
    final Map<String, Entry> entries;
    final List<YamlNode> items;
    /** How many nodes this value stands for once aliases are expanded; bounds alias bombs. */
    final long weight;

    private YamlNode(Kind kind, int line, int column, String text, double number, boolean bool,
                     Map<String, Entry> entries, List<YamlNode> items, long weight) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.number = number;
        this.bool = bool;
        this.entries = entries;
        this.items = items;
        this.weight = weight;
    }

    static YamlNode scalar(Kind kind, int line, int column, String text, double number, boolean bool) {
        return new YamlNode(kind, line, column, text, number, bool, Map.of(), List.of(), 1);
    }

    static YamlNode mapping(int line, int column, LinkedHashMap<String, Entry> entries) {
        long weight = 1;
        for (Entry e : entries.values()) {
            weight += 1 + e.value.weight;
        }
        return new YamlNode(Kind.MAPPING, line, column, null, 0, false,
                Collections.unmodifiableMap(entries), List.of(), weight);
    }

    static YamlNode sequence(int line, int column, ArrayList<YamlNode> items) {
        long weight = 1;
        for (YamlNode n : items) {
            weight += n.weight;
        }
        return new YamlNode(Kind.SEQUENCE, line, column, null, 0, false, Map.of(),
                Collections.unmodifiableList(items), weight);
    }

    boolean isScalar() {
        return kind != Kind.MAPPING && kind != Kind.SEQUENCE;
    }

    /** A key written with no value ({@code key:}) or {@code ~}/{@code null}. */
    boolean isAbsent() {
        return kind == Kind.NULL || (kind == Kind.STRING && text.isEmpty());
    }

    Entry entry(String key) {
        return entries.get(key);
    }

    /** How the value reads in an error message: {@code a list}, {@code the string 'x'}. */
    String describe() {
        switch (kind) {
            case MAPPING: return "a mapping";
            case SEQUENCE: return "a list";
            case NULL: return "no value";
            case BOOLEAN: return "'" + text + "' (a boolean)";
            case NUMBER: return "the number " + shorten(text);
            case BINARY: return "binary data";
            default: return text.isEmpty() ? "an empty value" : "'" + shorten(text) + "'";
        }
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
