package dev.egressguard.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One built-in data file ({@code endpoints.yaml}, {@code issuers.yaml}) read strictly: a missing
 * field, an unknown key or a duplicate key is a broken build, reported with the file and the
 * entry so whoever edited it can fix it.
 */
final class ResourceYaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String fileName;
    private final JsonNode root;

    private ResourceYaml(String fileName, JsonNode root) {
        this.fileName = fileName;
        this.root = root;
    }

    /** The resource {@code fileName} beside this class. */
    static ResourceYaml load(String fileName) {
        try (InputStream in = ResourceYaml.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource " + fileName + " is missing from the class path");
            }
            return new ResourceYaml(fileName, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("built-in resource " + fileName + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The entries of the document's only key, {@code topKey}, which must be a non-empty list. */
    List<JsonNode> list(String topKey) {
        if (root == null || !root.isObject()) {
            throw error("the document", "must be a mapping with the key '" + topKey + "'");
        }
        onlyKeys(root, "the document", Set.of(topKey));
        JsonNode list = root.get(topKey);
        if (list == null || !list.isArray() || list.size() == 0) {
            throw error("the document", "'" + topKey + "' must be a non-empty list");
        }
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw error(topKey + " entry " + (entries.size() + 1), "must be a mapping");
            }
            entries.add(entry);
        }
        return entries;
    }

    IllegalStateException error(String where, String what) {
        return new IllegalStateException(fileName + ": " + where + ": " + what);
    }

    void onlyKeys(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error(where, "unknown key '" + key + "' (expected one of " + allowed + ")");
            }
        }
    }

    String text(JsonNode node, String where, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(where, "missing '" + key + "'");
        }
        if (!v.isTextual() || v.asText().trim().isEmpty()) {
            throw error(where, "'" + key + "' must be a non-empty string");
        }
        return v.asText();
    }

    List<String> strings(JsonNode node, String where, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(where, "missing '" + key + "'");
            }
            return List.of();
        }
        if (!v.isArray() || v.size() == 0) {
            throw error(where, "'" + key + "' must be a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().trim().isEmpty()) {
                throw error(where, "'" + key + "' must hold non-empty strings only");
            }
            out.add(item.asText());
        }
        return out;
    }
}
