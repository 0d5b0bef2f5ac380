package dev.egressguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The endpoint registry (SPEC §5.3): built-in entries from a resource file plus custom ones.
 * Immutable. CONTRACT (owned by the config helper): keep these signatures.
 *
 * <p>{@link #match} runs on every request, so every domain pattern is indexed by its trailing
 * literal labels ({@code amazonaws.com} for {@code bedrock.*.amazonaws.com}); a host looks up
 * only its own label suffixes and tests the few candidates found there.
 */
public final class EndpointRegistry {
    static final String RESOURCE = "endpoints.yaml";

    private final List<Endpoint> entries;
    private final Map<String, Endpoint> byId;
    private final Map<String, Candidate[]> bySuffix;
    /** Patterns with no literal trailing label (e.g. {@code *}); tested for every host. */
    private final Candidate[] unindexed;

    private EndpointRegistry(List<Endpoint> entries) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        Map<String, Endpoint> ids = new LinkedHashMap<>();
        Map<String, List<Candidate>> index = new HashMap<>();
        List<Candidate> rest = new ArrayList<>();
        int order = 0;
        for (Endpoint e : entries) {
            ids.put(e.id(), e);
            Pattern[] paths = compilePaths(e);
            for (String domain : e.domains()) {
                DomainPattern pattern;
                try {
                    pattern = DomainPattern.compile(domain);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("endpoint '" + e.id() + "': " + ex.getMessage(), ex);
                }
                Candidate c = new Candidate(e, pattern, paths, order);
                if (pattern.literalSuffix().isEmpty()) {
                    rest.add(c);
                } else {
                    index.computeIfAbsent(pattern.literalSuffix(), k -> new ArrayList<>()).add(c);
                }
            }
            order++;
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<String, Candidate[]> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, v.toArray(new Candidate[0])));
        this.bySuffix = frozen;
        this.unindexed = rest.toArray(new Candidate[0]);
    }

    private static Pattern[] compilePaths(Endpoint e) {
        Pattern[] paths = new Pattern[e.pathPatterns().size()];
        for (int i = 0; i < paths.length; i++) {
            try {
                paths[i] = Glob.compile(e.pathPatterns().get(i), Glob.Dialect.PATH).regex;
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("endpoint '" + e.id() + "' pathPatterns: " + ex.getMessage(), ex);
            }
        }
        return paths;
    }

    /** The built-in registry, loaded once from {@code endpoints.yaml}. */
    public static EndpointRegistry builtIn() {
        return BuiltIn.REGISTRY;
    }

    /** Loaded on first use; a broken resource file fails here, in every test that touches it. */
    private static final class BuiltIn {
        static final EndpointRegistry REGISTRY = new EndpointRegistry(readBuiltIn());
    }

    /**
     * A registry of exactly these entries (ids must be unique).
     *
     * @throws IllegalArgumentException naming the entry whose domain or path pattern is malformed
     */
    public static EndpointRegistry of(List<Endpoint> entries) {
        Set<String> seen = new java.util.HashSet<>();
        for (Endpoint e : entries) {
            if (!seen.add(e.id())) {
                throw new IllegalArgumentException("duplicate endpoint id '" + e.id() + "'");
            }
        }
        return new EndpointRegistry(entries);
    }

    /**
     * A registry with these entries added; an entry with an existing id replaces it.
     *
     * @throws IllegalArgumentException naming the entry whose domain or path pattern is malformed
     */
    public EndpointRegistry with(List<Endpoint> extra) {
        if (extra == null || extra.isEmpty()) {
            return this;
        }
        Map<String, Endpoint> merged = new LinkedHashMap<>();
        for (Endpoint e : entries) {
            merged.put(e.id(), e);
        }
        for (Endpoint e : extra) {
            merged.put(e.id(), e); // same id: replaced in place, keeping its position
        }
        return new EndpointRegistry(new ArrayList<>(merged.values()));
    }

    /**
     * The most specific entry whose domains (and pathPatterns, when it has some) match: an exact
     * host beats a pattern, a longer pattern a shorter one; on a tie an entry narrowed by a path
     * wins, then the later entry (a custom one over a built-in).
     *
     * @param host a host; a scheme, port, IPv6 brackets and a trailing dot are ignored
     * @param path the request path, with or without its query; null means {@code /}
     */
    public Optional<Endpoint> match(String host, String path) {
        String h = HostNames.normalize(host);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Best best = new Best();
        int dot = -1;
        while (true) {
            Candidate[] candidates = bySuffix.get(dot < 0 ? h : h.substring(dot + 1));
            if (candidates != null) {
                best.consider(candidates, h, path);
            }
            dot = h.indexOf('.', dot + 1);
            if (dot < 0) {
                break;
            }
        }
        best.consider(unindexed, h, path);
        return Optional.ofNullable(best.endpoint);
    }

    public Optional<Endpoint> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<Endpoint> all() {
        return entries;
    }

    /** One domain pattern of one entry. */
    private static final class Candidate {
        final Endpoint endpoint;
        final DomainPattern domain;
        final Pattern[] paths;
        final int order;
        /** Exact hosts first, then the pattern's literal length (SPEC §5.3). */
        final int domainRank;

        Candidate(Endpoint endpoint, DomainPattern domain, Pattern[] paths, int order) {
            this.endpoint = endpoint;
            this.domain = domain;
            this.paths = paths;
            this.order = order;
            this.domainRank = (domain.isExact() ? 1 << 20 : 0) + domain.literalLength();
        }

        boolean pathMatches(String path) {
            if (paths.length == 0) {
                return true;
            }
            String p = pathOnly(path);
            for (Pattern pattern : paths) {
                if (pattern.matcher(p).matches()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String pathOnly(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String p = path.substring(0, end);
        return p.startsWith("/") ? p : "/" + p;
    }

    /** The running winner of {@link #match}. */
    private static final class Best {
        Endpoint endpoint;
        int domainRank = -1;
        boolean narrowed;
        int order = -1;

        void consider(Candidate[] candidates, String host, String path) {
            for (Candidate c : candidates) {
                if (!beats(c) || !c.domain.matches(host, 0, host.length()) || !c.pathMatches(path)) {
                    continue;
                }
                endpoint = c.endpoint;
                domainRank = c.domainRank;
                narrowed = c.paths.length > 0;
                order = c.order;
            }
        }

        private boolean beats(Candidate c) {
            if (c.domainRank != domainRank) {
                return c.domainRank > domainRank;
            }
            boolean cNarrowed = c.paths.length > 0;
            if (cNarrowed != narrowed) {
                return cNarrowed;
            }
            return c.order > order;
        }
    }

    // ---- the built-in resource file ----

    private static final Set<String> KEYS = Set.of("id", "name", "category", "domains", "pathPatterns",
            "riskLevel", "description", "dataFlowDirection");
    private static final Set<String> FLOWS = Set.of("outbound", "inbound", "bidirectional");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static List<Endpoint> readBuiltIn() {
        ResourceYaml file = ResourceYaml.load(RESOURCE);
        List<Endpoint> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        int n = 0;
        for (JsonNode node : file.list("endpoints")) {
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
                compilePaths(e);
                for (String d : e.domains()) {
                    DomainPattern.compile(d);
                }
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
