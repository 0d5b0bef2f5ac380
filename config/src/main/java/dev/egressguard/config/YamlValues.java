package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of located YAML values: each returns the value, or null after recording an
 * error that says what was expected at that line and column.
 */
final class YamlValues {
    private final PolicyErrors errors;

    YamlValues(PolicyErrors errors) {
        this.errors = errors;
    }

    PolicyErrors errors() {
        return errors;
    }

    /** Reports each key of {@code mapping} that is not in {@code known}, with a suggestion. */
    void checkKeys(YamlNode mapping, Collection<String> known, String where) {
        for (YamlNode.Entry e : mapping.entries.values()) {
            if (!known.contains(e.key)) {
                String hint = DidYouMean.hint(e.key, known);
                if (hint.isEmpty() && known.size() <= 12) {
                    hint = " (expected one of: " + String.join(", ", known) + ")";
                }
                errors.at(e, "unknown key '" + YamlNode.shorten(e.key) + "'" + where + hint);
            }
        }
    }

    /** The value as a mapping, or null (and an error) when it is something else. */
    YamlNode mapping(YamlNode value, String name, String example) {
        if (value.kind == YamlNode.Kind.MAPPING) {
            return value;
        }
        errors.at(value, "'" + name + "' must be a mapping (" + example + "), found " + value.describe());
        return null;
    }

    /** Any scalar as text (names and ids may be written as numbers); collections are errors. */
    String text(YamlNode value, String name) {
        if (value.kind == YamlNode.Kind.STRING || value.kind == YamlNode.Kind.NUMBER
                || value.kind == YamlNode.Kind.BOOLEAN) {
            return value.text;
        }
        errors.at(value, "'" + name + "' must be a string, found " + value.describe());
        return null;
    }

    /** Text that must not be empty. */
    String nonEmptyText(YamlNode value, String name) {
        String s = text(value, name);
        if (s != null && s.trim().isEmpty()) {
            errors.at(value, "'" + name + "' must not be empty");
            return null;
        }
        return s;
    }

    Boolean bool(YamlNode value, String name) {
        if (value.kind == YamlNode.Kind.BOOLEAN) {
            return value.bool;
        }
        errors.at(value, "'" + name + "' must be true or false, found " + value.describe());
        return null;
    }

    Double number(YamlNode value, String name) {
        if (value.kind == YamlNode.Kind.NUMBER && !Double.isNaN(value.number) && !Double.isInfinite(value.number)) {
            return value.number;
        }
        errors.at(value, "'" + name + "' must be a number, found " + value.describe());
        return null;
    }

    /** One of {@code choices} (keys are the written names, matched case-insensitively). */
    <E> E choice(YamlNode value, String name, Map<String, E> choices) {
        String expected = expectedList(choices.keySet());
        if (value.kind != YamlNode.Kind.STRING && value.kind != YamlNode.Kind.BOOLEAN) {
            errors.at(value, "'" + name + "' must be " + expected + ", found " + value.describe());
            return null;
        }
        for (Map.Entry<String, E> c : choices.entrySet()) {
            if (c.getKey().equalsIgnoreCase(value.text)) {
                return c.getValue();
            }
        }
        errors.at(value, "'" + name + "' must be " + expected + ", found " + value.describe()
                + DidYouMean.hint(value.text, choices.keySet()));
        return null;
    }

    /** The items of a list; a key with no value is an empty list; anything else is an error. */
    List<YamlNode> list(YamlNode value, String name) {
        if (value.kind == YamlNode.Kind.SEQUENCE) {
            return value.items;
        }
        if (value.isAbsent()) {
            return List.of();
        }
        errors.at(value, "'" + name + "' must be a list, e.g. [a, b] or '- a' lines, found " + value.describe());
        return null;
    }

    /** A list of non-empty strings; bad items are reported and left out. */
    List<String> textList(YamlNode value, String name) {
        List<YamlNode> items = list(value, name);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String s = nonEmptyText(item, name + " entry");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    static String expectedList(Collection<String> names) {
        List<String> all = new ArrayList<>(names);
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.size() == 2) {
            return all.get(0) + " or " + all.get(1);
        }
        return "one of " + String.join(", ", all);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
