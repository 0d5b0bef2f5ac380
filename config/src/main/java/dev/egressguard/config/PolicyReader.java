package dev.egressguard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Maps a located YAML tree onto a {@link Policy.Builder} (SPEC §5.1), key by key, recording
 * every error with its position. Keys that are absent keep the builder's defaults.
 */
final class PolicyReader {

    static final List<String> TOP_KEYS = List.of(
            "name", "description", "enabled", "orgId", "agentIds", "mode", "version",
            "defaultEffect", "allowedTools", "blockedTools", "blockAllPublicAI", "allowEnterprise",
            "unknownEndpointRisk", "inspectInternal", "internalDomains",
            "sensitivePatterns", "customKeywords", "customRegex", "defaultAction", "actionOverrides",
            "riskThreshold", "redactWith", "oversizedBody", "auditAllowed",
            "notifyOnBlock", "notifyOnWarn", "notifyChannels",
            "customEndpoints", "rules", "shell", "export");
    static final List<String> RULE_KEYS = List.of("action", "resource", "effect", "deny_body_patterns", "reason", "id");
    static final List<String> OVERRIDE_KEYS = List.of("patternType", "action");
    static final List<String> ENDPOINT_KEYS = List.of("id", "name", "category", "domains", "pathPatterns",
            "riskLevel", "description", "dataFlowDirection");
    static final List<String> SHELL_KEYS = List.of("onObfuscated");
    static final List<String> EXPORT_KEYS = List.of("stdout", "otlp");
    static final List<String> OTLP_KEYS = List.of("endpoint", "headers");

    private static final Map<String, String> MODES = names("enforce", "monitor");
    /** As the built-in registry spells them (endpoints.yaml). */
    private static final Map<String, String> FLOWS = names("outbound", "inbound", "bidirectional");
    private static final Map<String, RuleEffect> EFFECTS = wireNames(RuleEffect.values());
    private static final Map<String, PolicyAction> ACTIONS = wireNames(PolicyAction.values());
    private static final Map<String, PolicyAction> NO_REDACT_ACTIONS = withoutRedact();
    private static final Map<String, RiskLevel> RISK_LEVELS = wireNames(RiskLevel.values());
    private static final Map<String, EndpointCategory> CATEGORIES = wireNames(EndpointCategory.values());
    private static final Map<String, RuleKind> RULE_KINDS = ruleKinds();
    private static final Map<String, PatternType> PATTERN_TYPES = patternTypes();
    private static final Pattern ENDPOINT_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** Null means the built-in registry. */
    private final EndpointRegistry registry;
    private final YamlValues values;
    private final PolicyErrors errors;
    /** Tool ids are checked once customEndpoints, which may define them, are read. */
    private final List<YamlNode> toolIdNodes = new ArrayList<>();

    PolicyReader(EndpointRegistry registry, PolicyErrors errors) {
        this.registry = registry;
        this.values = new YamlValues(errors);
        this.errors = errors;
    }

    void read(YamlNode root, Policy.Builder b) {
        if (root.kind != YamlNode.Kind.MAPPING) {
            errors.at(root, "a policy is a mapping of keys (name: ..., mode: ..., rules: ...), found " + root.describe());
            return;
        }
        values.checkKeys(root, TOP_KEYS, "");
        for (YamlNode.Entry e : root.entries.values()) {
            readTopLevel(e.key, e.value, b);
        }
        checkToolIds(b.customEndpoints);
    }

    private void readTopLevel(String key, YamlNode v, Policy.Builder b) {
        switch (key) {
            case "name": set(textUnlessAbsent(v, key), s -> b.name = s); break;
            case "description": b.description = orElse(textUnlessAbsent(v, key), ""); break;
            case "enabled": set(values.bool(v, key), x -> b.enabled = x); break;
            case "orgId": set(textUnlessAbsent(v, key), s -> b.orgId = s); break;
            case "agentIds": set(values.textList(v, key), l -> b.agentIds = l); break;
            case "mode": set(values.choice(v, key, MODES), s -> b.mode = s); break;
            case "version": values.text(v, key); break;
            case "defaultEffect": set(values.choice(v, key, EFFECTS), x -> b.defaultEffect = x); break;
            case "allowedTools": set(toolIds(v, key), l -> b.allowedTools = l); break;
            case "blockedTools": set(toolIds(v, key), l -> b.blockedTools = l); break;
            case "blockAllPublicAI": set(values.bool(v, key), x -> b.blockAllPublicAi = x); break;
            case "allowEnterprise": set(values.bool(v, key), x -> b.allowEnterprise = x); break;
            case "unknownEndpointRisk": set(values.choice(v, key, RISK_LEVELS), x -> b.unknownEndpointRisk = x); break;
            case "inspectInternal": set(values.bool(v, key), x -> b.inspectInternal = x); break;
            case "internalDomains": set(domains(v, key), l -> b.internalDomains = l); break;
            case "sensitivePatterns": set(sensitivePatterns(v), s -> b.sensitivePatterns = s); break;
            case "customKeywords": set(values.textList(v, key, YamlValues.MAX_PATTERN), l -> b.customKeywords = l); break;
            case "customRegex": set(customRegex(v), l -> b.customRegex = l); break;
            case "defaultAction": set(values.choice(v, key, ACTIONS), x -> b.defaultAction = x); break;
            case "actionOverrides": set(actionOverrides(v), l -> b.actionOverrides = l); break;
            case "riskThreshold": set(riskThreshold(v), x -> b.riskThreshold = x); break;
            case "redactWith": set(values.boundedText(v, key, YamlValues.MAX_TEXT), s -> b.redactWith = s); break;
            case "oversizedBody": set(values.choice(v, key, NO_REDACT_ACTIONS), x -> b.oversizedBody = x); break;
            case "auditAllowed": set(values.bool(v, key), x -> b.auditAllowed = x); break;
            case "notifyOnBlock": set(values.bool(v, key), x -> b.notifyOnBlock = x); break;
            case "notifyOnWarn": set(values.bool(v, key), x -> b.notifyOnWarn = x); break;
            case "notifyChannels": set(urls(v, key), l -> b.notifyChannels = l); break;
            case "customEndpoints": set(customEndpoints(v), l -> b.customEndpoints = l); break;
            case "rules": set(rules(v), l -> b.rules = l); break;
            case "shell": readShell(v, b); break;
            case "export": readExport(v, b); break;
            default: break; // already reported by checkKeys
        }
    }

    // ---- where traffic may go

    private List<String> toolIds(YamlNode v, String key) {
        List<YamlNode> items = values.list(v, key);
        if (items == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (YamlNode item : items) {
            String id = values.nonEmptyText(item, key + " entry");
            if (id != null) {
                ids.add(id);
                toolIdNodes.add(item);
            }
        }
        return ids;
    }

    private void checkToolIds(List<Endpoint> custom) {
        if (toolIdNodes.isEmpty()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        // The built-in registry is only needed (and only loaded) when tools are named.
        for (Endpoint e : (registry != null ? registry : EndpointRegistry.builtIn()).all()) {
            known.add(e.id());
        }
        for (Endpoint e : custom) {
            known.add(e.id());
        }
        for (YamlNode node : toolIdNodes) {
            if (!known.contains(node.text)) {
                if (errors.isFull()) {
                    errors.add(node.line, node.column, "");
                    continue;
                }
                String hint = DidYouMean.hint(node.text, known);
                errors.at(node, "unknown tool id '" + YamlNode.shorten(node.text) + "'"
                        + (hint.isEmpty() ? " (not in the endpoint registry; list the ids with"
                        + " 'egress-guard endpoints', or define it under customEndpoints)" : hint));
            }
        }
    }

    private List<String> domains(YamlNode v, String key) {
        List<YamlNode> items = values.list(v, key);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String d = values.boundedText(item, key + " entry", 253);
            if (d == null) {
                continue;
            }
            try {
                DomainPattern.compile(d);
            } catch (IllegalArgumentException e) {
                errors.at(item, key + " entry: " + e.getMessage());
                continue;
            }
            out.add(d);
        }
        return out;
    }

    // ---- what data may go

    private Set<PatternType> sensitivePatterns(YamlNode v) {
        List<YamlNode> items = values.list(v, "sensitivePatterns");
        if (items == null) {
            return null;
        }
        Set<PatternType> types = EnumSet.noneOf(PatternType.class);
        for (YamlNode item : items) {
            PatternType t = values.choice(item, "sensitivePatterns entry", PATTERN_TYPES);
            if (t != null) {
                types.add(t);
            }
        }
        return types;
    }

    private List<String> customRegex(YamlNode v) {
        List<YamlNode> items = values.list(v, "customRegex");
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String regex = values.boundedText(item, "customRegex entry", YamlValues.MAX_PATTERN);
            if (regex == null) {
                continue;
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                errors.at(item, "customRegex '" + YamlNode.shorten(regex) + "' does not compile: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                        + " (Java regex syntax; in double quotes write \\\\ for one backslash)");
                continue;
            }
            String danger = RegexSafety.nestedQuantifier(regex);
            if (danger != null) {
                errors.at(item, "customRegex '" + YamlNode.shorten(regex) + "' " + danger);
                continue;
            }
            out.add(regex);
        }
        return out;
    }

    private List<ActionOverride> actionOverrides(YamlNode v) {
        List<YamlNode> items = values.list(v, "actionOverrides");
        if (items == null) {
            return null;
        }
        List<ActionOverride> out = new ArrayList<>();
        Map<PatternType, Integer> seenAt = new HashMap<>();
        for (YamlNode item : items) {
            YamlNode m = values.mapping(item, "actionOverrides entry", "patternType: SSN, action: block");
            if (m == null) {
                continue;
            }
            values.checkKeys(m, OVERRIDE_KEYS, " in an actionOverrides entry");
            PatternType type = required(m, "patternType", "an actionOverrides entry", PATTERN_TYPES);
            PolicyAction action = required(m, "action", "an actionOverrides entry", ACTIONS);
            if (type == null || action == null) {
                continue;
            }
            Integer previous = seenAt.putIfAbsent(type, m.line);
            if (previous != null) {
                errors.at(m.entry("patternType").value, "patternType " + type + " already has an override at line "
                        + previous + "; keep one");
                continue;
            }
            out.add(new ActionOverride(type, action));
        }
        return out;
    }

    private Double riskThreshold(YamlNode v) {
        Double d = values.number(v, "riskThreshold");
        if (d != null && (d < 0 || d > 100)) {
            errors.at(v, "'riskThreshold' must be between 0 and 100, found " + v.text);
            return null;
        }
        return d;
    }

    // ---- who hears about it

    private List<String> urls(YamlNode v, String key) {
        List<YamlNode> items = values.list(v, key);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String url = httpUrl(item, key + " entry");
            if (url != null) {
                out.add(url);
            }
        }
        return out;
    }

    private String httpUrl(YamlNode v, String name) {
        String s = values.nonEmptyText(v, name);
        if (s == null) {
            return null;
        }
        try {
            URI uri = new URI(s.trim());
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                return s.trim();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.at(v, "'" + name + "' must be an http:// or https:// URL, found " + v.describe());
        return null;
    }

    // ---- custom endpoints

    private List<Endpoint> customEndpoints(YamlNode v) {
        List<YamlNode> items = values.list(v, "customEndpoints");
        if (items == null) {
            return null;
        }
        List<Endpoint> out = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (YamlNode item : items) {
            YamlNode m = values.mapping(item, "customEndpoints entry", "id:, name:, category:, domains:, riskLevel:");
            if (m == null) {
                continue;
            }
            Endpoint e = customEndpoint(m);
            if (e == null) {
                continue;
            }
            Integer previous = seenAt.putIfAbsent(e.id(), m.line);
            if (previous != null) {
                errors.at(m.entry("id").value, "custom endpoint id '" + e.id() + "' is already defined at line " + previous);
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private Endpoint customEndpoint(YamlNode m) {
        String where = "a customEndpoints entry";
        values.checkKeys(m, ENDPOINT_KEYS, " in " + where);
        String id = null;
        YamlNode.Entry idEntry = m.entry("id");
        if (idEntry == null) {
            errors.at(m, where + " is missing 'id' (a lower-case kebab-case name such as 'internal-llm')");
        } else {
            id = values.nonEmptyText(idEntry.value, "id");
            if (id != null && !ENDPOINT_ID.matcher(id).matches()) {
                errors.at(idEntry.value, "custom endpoint id '" + YamlNode.shorten(id)
                        + "' must be lower-case kebab-case, e.g. 'internal-llm'");
                id = null;
            }
        }
        EndpointCategory category = required(m, "category", where, CATEGORIES);
        RiskLevel risk = required(m, "riskLevel", where, RISK_LEVELS);
        List<String> domains = null;
        YamlNode.Entry domainsEntry = m.entry("domains");
        if (domainsEntry == null) {
            errors.at(m, where + " is missing 'domains' (host names or patterns such as '*.corp.example')");
        } else {
            domains = domains(domainsEntry.value, "domains");
            if (domains != null && domains.isEmpty()) {
                if (domainsEntry.value.items.isEmpty()) {
                    errors.at(domainsEntry.value, "'domains' must list at least one host name");
                }
                domains = null;
            }
        }
        String name = optionalText(m, "name");
        String description = optionalText(m, "description");
        String direction = null;
        YamlNode.Entry directionEntry = m.entry("dataFlowDirection");
        if (directionEntry != null && !directionEntry.value.isAbsent()) {
            direction = values.choice(directionEntry.value, "dataFlowDirection", FLOWS);
        }
        List<String> paths = null;
        YamlNode.Entry pathsEntry = m.entry("pathPatterns");
        if (pathsEntry != null) {
            paths = values.textList(pathsEntry.value, "pathPatterns", YamlValues.MAX_PATTERN);
            if (paths != null) {
                for (YamlNode p : pathsEntry.value.items) {
                    if (p.isScalar() && paths.contains(p.text)) {
                        checkPathPattern(p);
                    }
                }
            }
        }
        if (id == null || category == null || risk == null || domains == null) {
            return null;
        }
        Endpoint endpoint = new Endpoint(id, name, category, domains, paths, risk, description, direction);
        try {
            // The registry's own check, as with() will apply it; the parts were checked above.
            EndpointRegistry.validate(endpoint);
        } catch (IllegalArgumentException e) {
            errors.at(m, e.getMessage());
            return null;
        }
        return endpoint;
    }

    private void checkPathPattern(YamlNode p) {
        if (!p.text.startsWith("/")) {
            errors.at(p, "pathPatterns entry '" + YamlNode.shorten(p.text) + "' must start with '/'");
            return;
        }
        try {
            Glob.compile(p.text, Glob.Dialect.PATH);
        } catch (IllegalArgumentException e) {
            errors.at(p, "pathPatterns entry: " + e.getMessage());
        }
    }

    private String optionalText(YamlNode m, String key) {
        YamlNode.Entry e = m.entry(key);
        return e == null ? null : textUnlessAbsent(e.value, key);
    }

    /** Free text, where {@code key:} with nothing after it keeps the default. */
    private String textUnlessAbsent(YamlNode v, String key) {
        return v.isAbsent() ? null : values.text(v, key);
    }

    // ---- SafeClaw-style rules

    private List<Rule> rules(YamlNode v) {
        List<YamlNode> items = values.list(v, "rules");
        if (items == null) {
            return null;
        }
        List<Rule> out = new ArrayList<>();
        for (YamlNode item : items) {
            YamlNode m = values.mapping(item, "rules entry", "action:, resource:, effect:");
            if (m != null) {
                Rule r = rule(m);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private Rule rule(YamlNode m) {
        String where = "a rule";
        values.checkKeys(m, RULE_KEYS, " in " + where);
        RuleKind kind = required(m, "action", where, RULE_KINDS);
        RuleEffect effect = required(m, "effect", where, EFFECTS);
        ResourcePattern resource = null;
        YamlNode.Entry resourceEntry = m.entry("resource");
        if (resourceEntry == null) {
            errors.at(m, where + " is missing 'resource' (a URL, host or command-line pattern)");
        } else {
            String text = values.boundedText(resourceEntry.value, "resource", YamlValues.MAX_PATTERN);
            if (text != null && kind != null) {
                try {
                    resource = ResourcePattern.compile(kind, text);
                } catch (IllegalArgumentException e) {
                    errors.at(resourceEntry.value, e.getMessage());
                }
            }
        }
        List<String> denyBodyPatterns = null;
        YamlNode.Entry dbp = m.entry("deny_body_patterns");
        if (dbp != null) {
            denyBodyPatterns = values.textList(dbp.value, "deny_body_patterns", YamlValues.MAX_PATTERN);
        }
        String reason = optionalText(m, "reason");
        YamlNode.Entry id = m.entry("id");
        if (id != null) {
            values.text(id.value, "id");
        }
        if (kind == null || effect == null || resource == null) {
            return null;
        }
        return new Rule(kind, resource, effect, denyBodyPatterns, reason);
    }

    // ---- shell and export sections

    private void readShell(YamlNode v, Policy.Builder b) {
        YamlNode m = values.mapping(v, "shell", "onObfuscated: warn");
        if (m == null) {
            return;
        }
        values.checkKeys(m, SHELL_KEYS, " under 'shell'");
        YamlNode.Entry e = m.entry("onObfuscated");
        if (e != null) {
            set(values.choice(e.value, "shell.onObfuscated", NO_REDACT_ACTIONS), x -> b.shellOnObfuscated = x);
        }
    }

    private void readExport(YamlNode v, Policy.Builder b) {
        YamlNode m = values.mapping(v, "export", "stdout: true, otlp: {endpoint: ...}");
        if (m == null) {
            return;
        }
        values.checkKeys(m, EXPORT_KEYS, " under 'export'");
        YamlNode.Entry stdout = m.entry("stdout");
        if (stdout != null) {
            set(values.bool(stdout.value, "export.stdout"), x -> b.exportStdout = x);
        }
        YamlNode.Entry otlpEntry = m.entry("otlp");
        if (otlpEntry == null || otlpEntry.value.isAbsent()) {
            return;
        }
        YamlNode otlp = values.mapping(otlpEntry.value, "export.otlp", "endpoint: http://collector:4318");
        if (otlp == null) {
            return;
        }
        values.checkKeys(otlp, OTLP_KEYS, " under 'export.otlp'");
        YamlNode.Entry endpoint = otlp.entry("endpoint");
        if (endpoint != null && !endpoint.value.isAbsent()) {
            set(httpUrl(endpoint.value, "export.otlp.endpoint"), s -> b.exportOtlpEndpoint = s);
        }
        YamlNode.Entry headers = otlp.entry("headers");
        if (headers != null && !headers.value.isAbsent()) {
            YamlNode h = values.mapping(headers.value, "export.otlp.headers", "Header-Name: value");
            if (h != null) {
                Map<String, String> out = new LinkedHashMap<>();
                for (YamlNode.Entry e : h.entries.values()) {
                    String value = values.text(e.value, "export.otlp.headers." + YamlNode.shorten(e.key));
                    if (value != null) {
                        out.put(e.key, value);
                    }
                }
                b.exportOtlpHeaders = out;
            }
        }
    }

    // ---- helpers

    private <E> E required(YamlNode m, String key, String where, Map<String, E> choices) {
        YamlNode.Entry e = m.entry(key);
        if (e == null) {
            errors.at(m, where + " is missing '" + key + "' (" + YamlValues.expectedList(choices.keySet()) + ")");
            return null;
        }
        return values.choice(e.value, key, choices);
    }

    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static Map<String, String> names(String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, n);
        }
        return m;
    }

    private static <E extends Enum<E>> Map<String, E> wireNames(E[] constants) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E c : constants) {
            m.put(YamlValues.lower(c.name()), c);
        }
        return m;
    }

    private static Map<String, PolicyAction> withoutRedact() {
        Map<String, PolicyAction> m = new LinkedHashMap<>(wireNames(PolicyAction.values()));
        m.remove("redact");
        return m;
    }

    private static Map<String, RuleKind> ruleKinds() {
        Map<String, RuleKind> m = new LinkedHashMap<>();
        for (RuleKind k : RuleKind.values()) {
            m.put(k.wireName(), k);
        }
        return m;
    }

    private static Map<String, PatternType> patternTypes() {
        Map<String, PatternType> m = new LinkedHashMap<>();
        for (PatternType t : PatternType.values()) {
            if (t.isPolicySelectable()) {
                m.put(t.name(), t);
            }
        }
        return m;
    }
}
