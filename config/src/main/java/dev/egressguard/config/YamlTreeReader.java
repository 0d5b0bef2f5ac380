package dev.egressguard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML document into a located {@link YamlNode} tree with bounded time and memory:
 * nesting depth, alias count and alias expansion are capped, so a hostile file (a billion
 * laughs, ten thousand brackets) is an error, never a hang or an OutOfMemoryError.
 */
final class YamlTreeReader {
    static final int MAX_DEPTH = 32;
    static final int MAX_ALIASES = 50;
    // Above what any 1 MiB file can hold without aliases, so only alias expansion reaches it.
    static final long MAX_EXPANDED_NODES = 1_000_000;

    private static final YAMLFactory FACTORY = newFactory();

    private final YAMLParser parser;
    private final PolicyErrors errors;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int aliases;

    private YamlTreeReader(YAMLParser parser, PolicyErrors errors) {
        this.parser = parser;
        this.errors = errors;
    }

    private static YAMLFactory newFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH * 2);
        options.setCodePointLimit(PolicyText.MAX_BYTES * 2);
        options.setAllowDuplicateKeys(true); // reported by readMapping, with both lines
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH * 2)
                        .maxStringLength(PolicyText.MAX_BYTES)
                        .maxNumberLength(100)
                        .build())
                .build();
    }

    /** The document's root, or null when it could not be read (the reason is in {@code errors}). */
    static YamlNode read(String yaml, PolicyErrors errors) {
        try (YAMLParser parser = FACTORY.createParser(new StringReader(yaml))) {
            return new YamlTreeReader(parser, errors).readDocument();
        } catch (Fatal f) {
            errors.add(f.line, f.column, f.getMessage());
        } catch (JsonProcessingException e) {
            reportParseError(e, yaml, errors);
        } catch (IOException | RuntimeException e) {
            // Whatever the YAML library throws is the file's fault: report it, never a stack trace.
            errors.add(1, 1, "cannot read YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
        return null;
    }

    private YamlNode readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new Fatal(1, 1, "empty policy: expected a mapping of policy keys (name, mode, rules, ...)");
        }
        YamlNode root = readValue(first, 1);
        if (root.isAbsent()) {
            throw new Fatal(root.line, root.column, "empty policy: expected a mapping of policy keys (name, mode, rules, ...)");
        }
        JsonToken next = parser.nextToken();
        if (next != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new Fatal(at.getLineNr(), at.getColumnNr(),
                    "a policy file holds one YAML document; remove the second document that starts here");
        }
        return root;
    }

    private YamlNode readValue(JsonToken token, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new Fatal(line, column, "nesting deeper than " + MAX_DEPTH + " levels; a policy needs at most 4");
        }
        if (parser.isCurrentAlias()) {
            return resolveAlias(parser.getText(), line, column);
        }
        String anchor = parser.getObjectId();
        YamlNode node;
        switch (token) {
            case START_OBJECT:
                node = readMapping(line, column, depth);
                break;
            case START_ARRAY:
                node = readSequence(line, column, depth);
                break;
            case VALUE_STRING:
                node = YamlNode.scalar(YamlNode.Kind.STRING, line, column, parser.getText(), 0, false);
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                node = YamlNode.scalar(YamlNode.Kind.NUMBER, line, column, parser.getText(), numberValue(), false);
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                node = YamlNode.scalar(YamlNode.Kind.BOOLEAN, line, column, parser.getText(), 0, token == JsonToken.VALUE_TRUE);
                break;
            case VALUE_NULL:
                node = YamlNode.scalar(YamlNode.Kind.NULL, line, column, "", 0, false);
                break;
            default:
                node = YamlNode.scalar(YamlNode.Kind.BINARY, line, column, "", 0, false);
                break;
        }
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private double numberValue() {
        try {
            return parser.getDoubleValue();
        } catch (IOException | RuntimeException e) {
            // 0x1F or 1_000 style numbers that Jackson will not convert: treated as not-a-number.
            return Double.NaN;
        }
    }

    private YamlNode resolveAlias(String name, int line, int column) {
        if (++aliases > MAX_ALIASES) {
            throw new Fatal(line, column, "more than " + MAX_ALIASES + " YAML aliases; write the values out");
        }
        YamlNode target = anchors.get(name);
        if (target == null) {
            // Jackson does not report anchors on single values, only on lists and mappings.
            errors.add(line, column, "alias '*" + name + "' names no list or mapping anchored before it"
                    + " (anchors on single values are not supported; write the value out)");
            return YamlNode.scalar(YamlNode.Kind.NULL, line, column, "", 0, false);
        }
        return target;
    }

    private YamlNode readMapping(int line, int column, int depth) throws IOException {
        LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            YamlNode value = readValue(parser.nextToken(), depth + 1);
            YamlNode.Entry previous = entries.get(key);
            if (previous != null) {
                errors.add(keyAt.getLineNr(), keyAt.getColumnNr(),
                        "duplicate key '" + YamlNode.shorten(key) + "' (first given at line " + previous.line + ")");
            } else {
                entries.put(key, new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new Fatal(line, column, "unterminated mapping");
        }
        return checkWeight(YamlNode.mapping(line, column, entries));
    }

    private YamlNode readSequence(int line, int column, int depth) throws IOException {
        ArrayList<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new Fatal(line, column, "unterminated list");
            }
            items.add(readValue(t, depth + 1));
        }
        return checkWeight(YamlNode.sequence(line, column, items));
    }

    private static YamlNode checkWeight(YamlNode node) {
        if (node.weight > MAX_EXPANDED_NODES) {
            throw new Fatal(node.line, node.column, "YAML aliases expand to more than " + MAX_EXPANDED_NODES
                    + " values (an alias bomb?); write the values out");
        }
        return node;
    }

    private static void reportParseError(JsonProcessingException e, String yaml, PolicyErrors errors) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException) {
            MarkedYAMLException m = (MarkedYAMLException) cause;
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            String problem = m.getProblem() != null ? m.getProblem() : m.getMessage();
            String context = m.getContext() != null ? " (" + oneLine(m.getContext()) + ")" : "";
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            errors.add(line, column, "invalid YAML: " + oneLine(problem) + context);
            return;
        }
        if (cause instanceof ReaderException) {
            ReaderException r = (ReaderException) cause;
            int[] lineColumn = PolicyText.lineColumnOfCodePoint(yaml, r.getPosition());
            errors.add(lineColumn[0], lineColumn[1], "invalid character U+"
                    + String.format("%04X", r.getCodePoint()) + ": a policy file is printable text");
            return;
        }
        JsonLocation at = e.getLocation();
        int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Expected a field name")) {
            // Jackson's wording names SnakeYAML event classes; say it in the user's terms.
            message = "a mapping key must be a plain string, not a list, a mapping or an alias";
        }
        errors.add(line, column, "invalid YAML: " + oneLine(message));
    }

    private static String oneLine(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }

    /** Ends the read at once: past this point the tree cannot be trusted. */
    private static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Fatal(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }
}
