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
    /** Longest list entry in general: ids, URLs, names. */
    static final int MAX_TEXT = 4096;
    /** Longest keyword, regex, resource or body pattern (see {@link #boundedText}). */
    static final int MAX_PATTERN = 1000;
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
                if (errors.isFull()) {
                    errors.at(e, ""); // only counted
                    continue;
                }
                String hint = DidYouMean.hint(e.key, known);
                if (e.key.equals("<<")) {
                    hint = " (YAML merge keys are not supported; write the keys out)";
                } else if (hint.isEmpty() && known.size() <= 12) {
                    hint = " (expected one of: " + String.join(", ", known) + ")";
                } else if (hint.isEmpty()) {
                    hint = " (not a policy key; remove it or correct its spelling)";
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

    /**
     * Non-empty text of at most {@code max} characters. Patterns and keywords are bounded because
     * compiling a long literal regex is quadratic in the JDK (its Boyer-Moore table).
     */
    String boundedText(YamlNode value, String name, int max) {
        String s = nonEmptyText(value, name);
        if (s != null && s.length() > max) {
            errors.at(value, "'" + name + "' is " + s.length() + " characters long; the limit is " + max);
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
        return textList(value, name, MAX_TEXT);
    }

    /** A list of non-empty strings of at most {@code max} characters each. */
    List<String> textList(YamlNode value, String name, int max) {
        List<YamlNode> items = list(value, name);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String s = boundedText(item, name + " entry", max);
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
