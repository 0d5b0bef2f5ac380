package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoint registry (SPEC §5.3): built-in entries from a resource file plus custom ones.
 * Immutable. CONTRACT (owned by the config helper): keep these signatures.
 *
 * <p>{@link #match} runs on every request, so every domain pattern is indexed by its trailing
 * literal labels ({@code amazonaws.com} for {@code bedrock.*.amazonaws.com}); a host looks up
 * only its own label suffixes and tests the few candidates found there.
 */
public final class EndpointRegistry {
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
            Glob[] paths = compilePaths(e);
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

    private static Glob[] compilePaths(Endpoint e) {
        Glob[] paths = new Glob[e.pathPatterns().size()];
        for (int i = 0; i < paths.length; i++) {
            try {
                paths[i] = Glob.compile(e.pathPatterns().get(i), Glob.Dialect.PATH);
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
        static final EndpointRegistry REGISTRY = new EndpointRegistry(EndpointsFile.read(EndpointsFile.BUILT_IN));
    }

    /**
     * A registry of exactly these entries (ids must be unique).
     *
     * @throws IllegalArgumentException naming the entry whose domain or path pattern is malformed
     */
    public static EndpointRegistry of(List<Endpoint> entries) {
        Set<String> seen = new HashSet<>();
        for (Endpoint e : entries) {
            if (!seen.add(e.id())) {
                throw new IllegalArgumentException("duplicate endpoint id '" + e.id() + "'");
            }
        }
        return new EndpointRegistry(entries);
    }

    /**
     * Checks an entry's domain and path patterns, as {@link #with} will compile them.
     *
     * @throws IllegalArgumentException naming the entry and the malformed pattern
     */
    public static void validate(Endpoint e) {
        compilePaths(e);
        for (String domain : e.domains()) {
            try {
                DomainPattern.compile(domain);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("endpoint '" + e.id() + "': " + ex.getMessage(), ex);
            }
        }
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
        final Glob[] paths;
        final int order;
        /** Exact hosts first, then the pattern's literal length (SPEC §5.3). */
        final int domainRank;

        Candidate(Endpoint endpoint, DomainPattern domain, Glob[] paths, int order) {
            this.endpoint = endpoint;
            this.domain = domain;
            this.paths = paths;
            this.order = order;
            this.domainRank = (domain.isExact() ? 1 << 20 : 0) + domain.literalLength();
        }

        /** Tried on the raw path and, when it has escapes, decoded: {@code /api/%77ebhooks} is a webhook too. */
        boolean pathMatches(String path) {
            if (paths.length == 0) {
                return true;
            }
            String p = pathOnly(path);
            String decoded = p.indexOf('%') >= 0 ? percentDecode(p) : null;
            for (Glob pattern : paths) {
                if (pattern.matches(p) || decoded != null && pattern.matches(decoded)) {
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

    /** Decodes runs of {@code %XX} escapes as UTF-8; malformed escapes stay as they are. */
    static String percentDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        byte[] run = new byte[s.length() / 3 + 1];
        int i = 0;
        while (i < s.length()) {
            int n = 0;
            while (i + 2 < s.length() && s.charAt(i) == '%' && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                run[n++] = (byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            }
            if (n > 0) {
                out.append(new String(run, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
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
}
