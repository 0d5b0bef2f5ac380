package dev.egressguard.config;

import java.util.Locale;
import java.util.Objects;

/**
 * A compiled rule resource (SPEC §5.2): URL globs for {@code network.request}, host globs for
 * {@code network.dns}, command-line globs for {@code shell.exec}.
 * CONTRACT (owned by the config helper): keep these signatures.
 *
 * <p>Decisions where §5.2 is silent:
 * <ul>
 *   <li>{@code http://h:*}{@code /**} matches any explicit port and also the URL without one
 *       (its default port): whoever writes {@code :*} means "whatever the port".</li>
 *   <li>A {@code network.request} pattern without {@code ://} names a host with any scheme
 *       ({@code *.corp.example}, or {@code *} for everything); one starting with {@code /} names
 *       a path on any host.</li>
 *   <li>{@code network.dns}: {@code *} and {@code ?} as for URLs, escapes and classes allowed,
 *       one trailing dot of the host ignored.</li>
 *   <li>{@code shell.exec}: backslash and {@code [} are literal (Windows paths, test brackets);
 *       a command line whose first word is a path also matches by its basename, so
 *       {@code curl *} matches {@code /usr/bin/curl -s https://x/y}.</li>
 * </ul>
 */
public final class ResourcePattern {
    private final RuleKind kind;
    private final String source;
    private final Glob glob;

    private ResourcePattern(RuleKind kind, String source, Glob glob) {
        this.kind = kind;
        this.source = source;
        this.glob = glob;
    }

    /** @throws IllegalArgumentException with a message fit for a {@code file:line:col:} error. */
    public static ResourcePattern compile(RuleKind kind, String pattern) {
        Objects.requireNonNull(kind, "kind");
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("empty " + kind.wireName() + " resource pattern; write e.g. "
                    + example(kind));
        }
        Glob glob = Glob.compile(pattern, dialect(kind));
        return new ResourcePattern(kind, pattern, glob);
    }

    private static Glob.Dialect dialect(RuleKind kind) {
        switch (kind) {
            case NETWORK_REQUEST:
                return Glob.Dialect.URL;
            case NETWORK_DNS:
                return Glob.Dialect.HOST;
            default:
                return Glob.Dialect.COMMAND;
        }
    }

    private static String example(RuleKind kind) {
        switch (kind) {
            case NETWORK_REQUEST:
                return "'https://api.example.com/**'";
            case NETWORK_DNS:
                return "'*.example.com'";
            default:
                return "'curl *'";
        }
    }

    public RuleKind kind() { return kind; }
    public String source() { return source; }

    /** Whether the URL / host / command line matches, per the kind's SPEC §5.2 semantics. */
    public boolean matches(String subject) {
        if (subject == null) {
            return false;
        }
        switch (kind) {
            case NETWORK_DNS:
                return glob.matches(withoutTrailingDot(subject));
            case SHELL_EXEC:
                return glob.matches(subject) || matchesByBasename(subject);
            default:
                return glob.matches(subject);
        }
    }

    private static String withoutTrailingDot(String host) {
        return host.length() > 1 && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private boolean matchesByBasename(String commandLine) {
        int space = commandLine.indexOf(' ');
        int firstEnd = space < 0 ? commandLine.length() : space;
        int slash = Math.max(commandLine.lastIndexOf('/', firstEnd - 1), commandLine.lastIndexOf('\\', firstEnd - 1));
        if (slash < 0) {
            return false;
        }
        return glob.matches(commandLine.subSequence(slash + 1, commandLine.length()));
    }

    /** The most literal characters wins (SPEC §5.6 step 2); an escape or class counts as one. */
    public int specificity() {
        return glob.specificity;
    }

    /**
     * The subject a {@code network.request} pattern is matched against:
     * {@code scheme://host[:port]/path[?query]}, scheme and host lower-case, the port only when
     * it is not the scheme's default, the path at least {@code /}.
     *
     * @param port -1 when the URL names none
     * @param pathAndQuery the raw path with its query, or null
     */
    public static String urlSubject(String scheme, String host, int port, String pathAndQuery) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(s.length() + h.length() + 16
                + (pathAndQuery == null ? 1 : pathAndQuery.length()));
        url.append(s).append("://");
        boolean v6 = h.indexOf(':') >= 0 && !h.startsWith("[");
        if (v6) {
            url.append('[').append(h).append(']');
        } else {
            url.append(h);
        }
        if (port >= 0 && !isDefaultPort(s, port)) {
            url.append(':').append(port);
        }
        if (pathAndQuery == null || pathAndQuery.isEmpty()) {
            url.append('/');
        } else {
            if (pathAndQuery.charAt(0) != '/') {
                url.append('/');
            }
            url.append(pathAndQuery);
        }
        return url.toString();
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return port == 80 && ("http".equals(scheme) || "ws".equals(scheme))
                || port == 443 && ("https".equals(scheme) || "wss".equals(scheme));
    }

    @Override
    public String toString() {
        return kind.wireName() + " " + source;
    }
}
