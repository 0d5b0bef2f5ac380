package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalHostsTest {
    private final InternalHosts builtIn = new InternalHosts(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "api.localhost", "localhost:8080",
            "127.0.0.1", "127.255.255.254", "127.0.0.1:9000", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255", "169.254.169.254",
            "0.0.0.0", "100.64.0.1", "100.127.255.255",
            "::1", "[::1]", "[::1]:8080", "::", "fe80::1", "fe80::1%eth0", "[fe80::abcd:1]", "febf::1",
            "fc00::1", "fd12:3456:789a::1", "::ffff:127.0.0.1", "[::ffff:10.1.2.3]", "0:0:0:0:0:0:0:1",
            "printer.local", "db.internal", "metadata.google.internal", "host.localdomain", "localhost.localdomain",
            "http://localhost:8080/x"})
    void internal(String host) {
        assertTrue(builtIn.isInternal(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.example.com", "172.32.0.1", "172.15.255.255", "192.169.1.1", "mylocal.com",
            "api.openai.com", "8.8.8.8", "100.63.255.255", "100.128.0.1", "169.253.1.1", "1.0.0.127",
            "127.0.0.1.nip.io", "localhost.example.com", "local", "internal", "notlocalhost", "evil-localhost",
            "localhost.evil.com", "example.local.evil.com", "011.0.0.1", "0x7f.0.0.1", "127.1", "2130706433",
            "256.0.0.1", "10.0.0", "10.0.0.1.2", "2001:db8::1", "2606:4700::1111", "fec0::1", "fe7f::1",
            "::ffff:8.8.8.8", "[2001:db8::1]:443", "1::2::3", "", "corp.example", "x.corp.example"})
    void notInternal(String host) {
        assertFalse(builtIn.isInternal(host), host);
    }

    @Test
    void nullIsNotInternal() {
        assertFalse(builtIn.isInternal(null));
    }

    @Test
    void policyDomainsUseDomainPatternSyntax() {
        InternalHosts hosts = new InternalHosts(List.of("*.corp.example", "intranet.example", "*.svc.*.cluster"));
        assertTrue(hosts.isInternal("llm.corp.example"));
        assertTrue(hosts.isInternal("A.B.CORP.EXAMPLE."));
        assertFalse(hosts.isInternal("corp.example"), "a leading *. is subdomains only");
        assertTrue(hosts.isInternal("intranet.example"), "a bare domain matches itself");
        assertFalse(hosts.isInternal("www.intranet.example"));
        assertTrue(hosts.isInternal("api.svc.east.cluster"));
        assertFalse(hosts.isInternal("corp.example.evil.com"));
        assertFalse(hosts.isInternal("evilcorp.example"));
    }

    @Test
    void badInternalDomainIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new InternalHosts(List.of("https://corp.example")));
    }

    @Test
    void neverResolves() {
        // a name that would resolve to loopback is still external: only the literal host counts
        assertEquals(false, builtIn.isInternal("localtest.me"));
    }
}
