package dev.egressguard.config;

import static dev.egressguard.config.RuleKind.NETWORK_DNS;
import static dev.egressguard.config.RuleKind.NETWORK_REQUEST;
import static dev.egressguard.config.RuleKind.SHELL_EXEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourcePatternTest {

    static Stream<Arguments> matrix() {
        return Stream.of(
                // network.request: ** and * may match nothing
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/**", "https://api.example.com/", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/**", "https://api.example.com/v1/chat/completions", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/**", "https://api.example.com/v1?q=1", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/**", "http://api.example.com/", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/**", "https://api.example.com.evil.net/", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/**", "https://api.example.com:8443/", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/v1/*", "https://api.example.com/v1/chat", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/v1/*", "https://api.example.com/v1/", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/v1/*", "https://api.example.com/v1/chat/x", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/v?/x", "https://api.example.com/v2/x", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/v?/x", "https://api.example.com/v22/x", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/v?/x", "https://api.example.com/v//x", false),
                // port wildcard: any explicit port, and the default port the URL leaves out
                Arguments.of(NETWORK_REQUEST, "http://api.example.com:*/**", "http://api.example.com:8080/x", true),
                Arguments.of(NETWORK_REQUEST, "http://api.example.com:*/**", "http://api.example.com/x", true),
                Arguments.of(NETWORK_REQUEST, "http://api.example.com:*/**", "http://api.example.com.evil:80/x", false),
                Arguments.of(NETWORK_REQUEST, "http://api.example.com:8080/**", "http://api.example.com:8081/", false),
                // a pattern that ends at the host matches every path
                Arguments.of(NETWORK_REQUEST, "https://*.example.com", "https://a.example.com/", true),
                Arguments.of(NETWORK_REQUEST, "https://*.example.com", "https://a.b.example.com/deep/path?x=1", true),
                Arguments.of(NETWORK_REQUEST, "https://*.example.com", "https://example.com/", false),
                Arguments.of(NETWORK_REQUEST, "https://*.example.com", "https://a.example.community/", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com", "https://api.example.com/any/thing", true),
                // scheme and host case-insensitive, path case-sensitive
                Arguments.of(NETWORK_REQUEST, "https://API.Example.COM/v1/**", "HTTPS://api.example.com/v1/x", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/V1/**", "https://api.example.com/v1/x", false),
                // escapes, + and classes
                Arguments.of(NETWORK_REQUEST, "https://\\d+\\.\\d+\\.\\d+\\.\\d+/**", "https://10.1.2.3/x", true),
                Arguments.of(NETWORK_REQUEST, "https://\\d+\\.\\d+\\.\\d+\\.\\d+/**", "https://203.0.113.77/", true),
                Arguments.of(NETWORK_REQUEST, "https://\\d+\\.\\d+\\.\\d+\\.\\d+/**", "https://api.example.com/", false),
                Arguments.of(NETWORK_REQUEST, "https://\\d+\\.\\d+\\.\\d+\\.\\d+/**", "https://1a2b3c4/", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/orders/\\d+", "https://api.example.com/orders/12345", true),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/orders/\\d+", "https://api.example.com/orders/", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/orders/\\d", "https://api.example.com/orders/12", false),
                Arguments.of(NETWORK_REQUEST, "https://api.example.com/u/\\w+/x", "https://api.example.com/u/bob_1/x", true),
                Arguments.of(NETWORK_REQUEST, "https://api\\-v[0-9]+.example.com/**", "https://api-v12.example.com/", true),
                Arguments.of(NETWORK_REQUEST, "https://api\\-v[0-9]+.example.com/**", "https://api-vx.example.com/", false),
                Arguments.of(NETWORK_REQUEST, "https://[ab].example.com/**", "https://b.example.com/", true),
                Arguments.of(NETWORK_REQUEST, "https://[ab].example.com/**", "https://c.example.com/", false),
                Arguments.of(NETWORK_REQUEST, "https://[^a].example.com/**", "https://z.example.com/", true),
                Arguments.of(NETWORK_REQUEST, "https://x.example.com/a+b", "https://x.example.com/a+b", true),
                Arguments.of(NETWORK_REQUEST, "https://x.example.com/a+b", "https://x.example.com/aab", false),
                Arguments.of(NETWORK_REQUEST, "https://x.example.com/a.b", "https://x.example.com/aXb", false),
                Arguments.of(NETWORK_REQUEST, "https://x.example.com/search\\?q=*", "https://x.example.com/search?q=cats", true),
                Arguments.of(NETWORK_REQUEST, "https://x.example.com/(a|b)", "https://x.example.com/a", false),
                Arguments.of(NETWORK_REQUEST, "https://x.example.com/(a|b)", "https://x.example.com/(a|b)", true),
                // no scheme: a host on any scheme; a lone * is everything
                Arguments.of(NETWORK_REQUEST, "*.corp.example", "https://llm.corp.example/v1/x", true),
                Arguments.of(NETWORK_REQUEST, "*.corp.example", "https://corp.example.evil.com/", false),
                Arguments.of(NETWORK_REQUEST, "*", "https://anything.example/a/b/c", true),
                Arguments.of(NETWORK_REQUEST, "/redirect?to=https://x**", "https://a.example/redirect?to=https://x.example/", true),
                Arguments.of(NETWORK_REQUEST, "/redirect?to=https://x**", "https://a.example/other?to=https://x.example/", false),
                // network.dns
                Arguments.of(NETWORK_DNS, "*.example.com", "a.example.com", true),
                Arguments.of(NETWORK_DNS, "*.example.com", "a.b.c.example.com", true),
                Arguments.of(NETWORK_DNS, "*.example.com", "example.com", false),
                Arguments.of(NETWORK_DNS, "*.example.com", "badexample.com", false),
                Arguments.of(NETWORK_DNS, "*.example.com", "A.EXAMPLE.COM", true),
                Arguments.of(NETWORK_DNS, "*.example.com", "a.example.com.", true),
                Arguments.of(NETWORK_DNS, "api.example.com", "api.example.com", true),
                Arguments.of(NETWORK_DNS, "api.example.com", "xapi.example.com", false),
                Arguments.of(NETWORK_DNS, "node?.example.com", "node7.example.com", true),
                // shell.exec: * crosses /, first word matched by basename too
                Arguments.of(SHELL_EXEC, "curl *", "curl -s https://x/y", true),
                Arguments.of(SHELL_EXEC, "curl *", "/usr/bin/curl -s https://x/y", true),
                Arguments.of(SHELL_EXEC, "curl *", "wget https://x/y", false),
                Arguments.of(SHELL_EXEC, "curl *", "xcurl -s https://x/y", false),
                Arguments.of(SHELL_EXEC, "wget *", "wget -q -O- https://paste.example/raw/1", true),
                Arguments.of(SHELL_EXEC, "curl * https://*.example.com/*", "curl -d @f https://a.example.com/x/y", true),
                Arguments.of(SHELL_EXEC, "nc ? 80", "nc h 80", true),
                Arguments.of(SHELL_EXEC, "nc ? 80", "nc hh 80", false),
                Arguments.of(SHELL_EXEC, "cmd \\d", "cmd \\d", true),
                Arguments.of(SHELL_EXEC, "cmd \\d", "cmd 7", false),
                Arguments.of(SHELL_EXEC, "Curl *", "curl -s x", false)
        );
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @MethodSource("matrix")
    void matchesPerSpec(RuleKind kind, String pattern, String subject, boolean expected) {
        assertEquals(expected, ResourcePattern.compile(kind, pattern).matches(subject));
    }

    @Test
    void specificityCountsLiteralsAndOneForEachEscapeOrClass() {
        assertEquals("https://api.example.com/".length(),
                ResourcePattern.compile(NETWORK_REQUEST, "https://api.example.com/**").specificity());
        // "https://" 8 + four \d 4 + three \. 3 + "/" 1; + and ** count nothing
        assertEquals(16, ResourcePattern.compile(NETWORK_REQUEST, "https://\\d+\\.\\d+\\.\\d+\\.\\d+/**").specificity());
        assertEquals(4, ResourcePattern.compile(NETWORK_REQUEST, "[ab]?*\\dx/").specificity());
        assertEquals(0, ResourcePattern.compile(SHELL_EXEC, "*").specificity());
        assertEquals(5, ResourcePattern.compile(SHELL_EXEC, "curl *").specificity());
    }

    @Test
    void moreSpecificPatternOutranksBroaderOne() {
        ResourcePattern denyAll = ResourcePattern.compile(NETWORK_REQUEST, "*");
        ResourcePattern allowCorp = ResourcePattern.compile(NETWORK_REQUEST, "https://*.corp.example/**");
        ResourcePattern allowApi = ResourcePattern.compile(NETWORK_REQUEST, "https://api.corp.example/v1/**");
        String url = "https://api.corp.example/v1/x";
        assertTrue(denyAll.matches(url) && allowCorp.matches(url) && allowApi.matches(url));
        assertTrue(denyAll.specificity() < allowCorp.specificity());
        assertTrue(allowCorp.specificity() < allowApi.specificity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://x.example.com/[abc", "https://x.example.com/a\\", "https://x.example.com/\\q",
            "https://x.example.com/[]", "https://x.example.com/[z-a]", "https://\\b.example.com/"})
    void badPatternsAreRejectedWithAClearMessage(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResourcePattern.compile(NETWORK_REQUEST, bad));
        assertTrue(e.getMessage().contains("pattern"), e.getMessage());
    }

    @Test
    void messagesSayWhatToDo() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResourcePattern.compile(NETWORK_REQUEST, "https://x/[a")).getMessage().contains("unclosed '['"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResourcePattern.compile(NETWORK_REQUEST, "https://x/a\\")).getMessage().contains("backslash"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResourcePattern.compile(NETWORK_DNS, "a\\q.example")).getMessage().contains("unknown escape '\\q'"));
        assertThrows(IllegalArgumentException.class, () -> ResourcePattern.compile(SHELL_EXEC, ""));
    }

    @Test
    void shellPatternsTreatBracketsAndBackslashesLiterally() {
        ResourcePattern p = ResourcePattern.compile(SHELL_EXEC, "test [ -f x ]");
        assertTrue(p.matches("test [ -f x ]"));
    }

    @Test
    void manyWildcardsOnALongUrlStillFinishQuickly() {
        ResourcePattern p = ResourcePattern.compile(NETWORK_REQUEST, "https://**a**a**a**a**a**b");
        String url = "https://" + "a".repeat(2000) + "/";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.matches(url));
    }

    @Test
    void urlSubjectIsCanonical() {
        assertEquals("https://api.example.com/v1?x=1", ResourcePattern.urlSubject("HTTPS", "API.Example.com", 443, "/v1?x=1"));
        assertEquals("http://h:8080/", ResourcePattern.urlSubject("http", "h", 8080, ""));
        assertEquals("http://[::1]/x", ResourcePattern.urlSubject("http", "::1", -1, "x"));
    }
}
