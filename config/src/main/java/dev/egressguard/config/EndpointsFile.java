package dev.egressguard.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code endpoints.yaml}, the built-in registry's data (SPEC §5.3), and holds it to the
 * spec: every field present and typed, kebab-case unique ids, valid patterns, exfil critical.
 */
final class EndpointsFile {
    static final String BUILT_IN = "endpoints.yaml";

    private static final Set<String> KEYS = Set.of("id", "name", "category", "domains", "pathPatterns",
            "riskLevel", "description", "dataFlowDirection");
    private static final Set<String> FLOWS = Set.of("outbound", "inbound", "bidirectional");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private EndpointsFile() {
    }

    /** Reads and validates a registry file beside this class; tests feed it broken ones. */
    static List<Endpoint> read(String resource) {
        ResourceYaml file = ResourceYaml.load(resource);
        List<Endpoint> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (ResourceYaml.Entry node : file.list("endpoints")) {
            n++;
            String where = "endpoint " + n;
            String id = file.text(node, where, "id");
            where = "endpoint " + n + " ('" + id + "')";
            file.onlyKeys(node, where, KEYS);
            if (!KEBAB.matcher(id).matches()) {
                throw file.error(where, "id must be lower-case kebab-case");
            }
            if (!ids.add(id)) {
                throw file.error(where, "duplicate id");
            }
            EndpointCategory category = parseEnum(file, where, "category", file.text(node, where, "category"),
                    EndpointCategory.class);
            RiskLevel risk = parseEnum(file, where, "riskLevel", file.text(node, where, "riskLevel"), RiskLevel.class);
            if (category == EndpointCategory.EXFIL && risk != RiskLevel.CRITICAL) {
                throw file.error(where, "every exfil entry is riskLevel critical (SPEC §5.3)");
            }
            String flow = file.text(node, where, "dataFlowDirection");
            if (!FLOWS.contains(flow)) {
                throw file.error(where, "dataFlowDirection must be one of " + FLOWS);
            }
            Endpoint e = new Endpoint(id, file.text(node, where, "name"), category,
                    file.strings(node, where, "domains", true), file.strings(node, where, "pathPatterns", false),
                    risk, file.text(node, where, "description"), flow);
            try {
                EndpointRegistry.validate(e);
            } catch (IllegalArgumentException ex) {
                throw file.error(where, ex.getMessage());
            }
            out.add(e);
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(ResourceYaml file, String where, String key, String value,
                                                   Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw file.error(where, key + " '" + value + "' is not one of " + names);
    }
}
