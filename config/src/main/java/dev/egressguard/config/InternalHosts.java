package dev.egressguard.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a host, as the URL names it, is internal (SPEC §5.6): localhost, loopback, private,
 * link-local and unique-local IP literals, *.local, *.internal, *.localdomain, plus a
 * policy's internalDomains. Never resolves names.
 * CONTRACT (owned by the config helper): keep these signatures.
 *
 * <p>Also internal: {@code 0.0.0.0} and {@code ::} (a connection to them reaches this machine),
 * IPv4-mapped IPv6 forms of the internal IPv4 ranges, and 100.64.0.0/10: RFC 6598 shared address
 * space, not routable on the internet and used for in-house addressing by carrier-grade NAT,
 * Kubernetes and cloud networks, and overlay VPNs such as Tailscale.
 */
public final class InternalHosts {
    private static final String[] INTERNAL_SUFFIXES = {"localhost", "local", "internal", "localdomain"};

    private final DomainPattern[] internalDomains;

    /**
     * @param internalDomains domain patterns as in the registry; a bare domain matches itself
     * @throws IllegalArgumentException for a pattern that is not a valid domain pattern
     */
    public InternalHosts(List<String> internalDomains) {
        List<DomainPattern> patterns = new ArrayList<>();
        if (internalDomains != null) {
            for (String d : internalDomains) {
                patterns.add(DomainPattern.compile(d));
            }
        }
        this.internalDomains = patterns.toArray(new DomainPattern[0]);
    }

    public boolean isInternal(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        long b = HostNames.bounds(host);
        int start = HostNames.start(b);
        int end = HostNames.end(b);
        if (end <= start) {
            return false;
        }
        char first = host.charAt(start);
        if (first >= '0' && first <= '9') {
            long v4 = IpLiterals.ipv4(host, start, end);
            if (v4 >= 0) {
                return isInternalIpv4(v4);
            }
        }
        if (host.indexOf(':', start) >= 0 && host.indexOf(':', start) < end) {
            int[] v6 = IpLiterals.ipv6(host, start, end);
            return v6 != null && isInternalIpv6(v6);
        }
        return isInternalName(host, start, end);
    }

    private boolean isInternalName(String host, int start, int end) {
        if (HostNames.regionEquals(host, start, end, "localhost")) {
            return true;
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (HostNames.hasSubdomainOf(host, start, end, suffix)) {
                return true;
            }
        }
        for (DomainPattern p : internalDomains) {
            if (p.matches(host, start, end)) {
                return true;
            }
        }
        return false;
    }

    static boolean isInternalIpv4(long a) {
        return a >>> 24 == 127          // loopback 127.0.0.0/8
                || a >>> 24 == 10       // private 10.0.0.0/8
                || a >>> 20 == 0xAC1    // private 172.16.0.0/12
                || a >>> 16 == 0xC0A8   // private 192.168.0.0/16
                || a >>> 16 == 0xA9FE   // link-local 169.254.0.0/16
                || a >>> 22 == 0x191    // shared 100.64.0.0/10 (RFC 6598)
                || a == 0;              // 0.0.0.0 reaches this machine
    }

    private static boolean isInternalIpv6(int[] g) {
        boolean zeroHead = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (zeroHead && g[5] == 0 && g[6] == 0 && (g[7] == 0 || g[7] == 1)) {
            return true; // :: and ::1
        }
        if (zeroHead && g[5] == 0xffff) {
            return isInternalIpv4(((long) g[6] << 16) | g[7]); // IPv4-mapped
        }
        return (g[0] & 0xffc0) == 0xfe80   // link-local fe80::/10
                || (g[0] & 0xfe00) == 0xfc00; // unique-local fc00::/7
    }
}
