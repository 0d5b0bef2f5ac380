package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which domains each key issuer's keys belong to (SPEC §5.4), loaded from {@code issuers.yaml}.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class IssuerTable {
    static final String RESOURCE = "issuers.yaml";
    private static final Set<String> KEYS = Set.of("id", "keyFormat", "domains");

    private final Map<String, Issuer> issuers;

    private IssuerTable(Map<String, Issuer> issuers) {
        this.issuers = Collections.unmodifiableMap(issuers);
    }

    public static IssuerTable builtIn() {
        return BuiltIn.TABLE;
    }

    /** Loaded on first use; a broken resource file fails here, in every test that touches it. */
    private static final class BuiltIn {
        static final IssuerTable TABLE = load(RESOURCE);
    }

    /** Whether {@code host} is one of the issuer's own domains; issuer ids as the API_KEY detector names them. */
    public boolean isIssuerDomain(String issuerId, String host) {
        Issuer issuer = issuerId == null ? null : issuers.get(issuerId);
        if (issuer == null || host == null) {
            return false;
        }
        long b = HostNames.bounds(host);
        int start = HostNames.start(b);
        int end = HostNames.end(b);
        for (DomainPattern p : issuer.domains) {
            if (p.matches(host, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** The issuer ids, in file order. */
    public Set<String> ids() {
        return issuers.keySet();
    }

    /** The issuer's domain patterns as written; empty for an unknown issuer. */
    public List<String> domains(String issuerId) {
        Issuer issuer = issuers.get(issuerId);
        if (issuer == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (DomainPattern p : issuer.domains) {
            out.add(p.source());
        }
        return out;
    }

    /** A human description of the issuer's key format, or null for an unknown issuer. */
    public String keyFormat(String issuerId) {
        Issuer issuer = issuers.get(issuerId);
        return issuer == null ? null : issuer.keyFormat;
    }

    private static final class Issuer {
        final String keyFormat;
        final DomainPattern[] domains;

        Issuer(String keyFormat, DomainPattern[] domains) {
            this.keyFormat = keyFormat;
            this.domains = domains;
        }
    }

    /** Reads and validates an issuer file beside this class; tests feed it broken ones. */
    static IssuerTable load(String resource) {
        ResourceYaml file = ResourceYaml.load(resource);
        Map<String, Issuer> issuers = new LinkedHashMap<>();
        int n = 0;
        for (ResourceYaml.Entry node : file.list("issuers")) {
            n++;
            String id = file.text(node, "issuer " + n, "id");
            String where = "issuer " + n + " ('" + id + "')";
            file.onlyKeys(node, where, KEYS);
            List<String> domains = file.strings(node, where, "domains", true);
            DomainPattern[] patterns = new DomainPattern[domains.size()];
            for (int i = 0; i < patterns.length; i++) {
                try {
                    patterns[i] = DomainPattern.compile(domains.get(i));
                } catch (IllegalArgumentException e) {
                    throw file.error(where, e.getMessage());
                }
            }
            if (issuers.put(id, new Issuer(file.text(node, where, "keyFormat"), patterns)) != null) {
                throw file.error(where, "duplicate id");
            }
        }
        return new IssuerTable(issuers);
    }
}
