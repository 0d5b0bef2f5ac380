package dev.egressguard.agent.runtime;

import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyError;
import dev.egressguard.config.PolicyException;
import dev.egressguard.config.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Where the agent's policy comes from (SPEC §4 {@code policy}): the built-in default, a file, or a URL. */
final class PolicySource {
    private static final int MAX_REMOTE_BYTES = 1 << 20;

    private final String location;

    PolicySource(String location) {
        this.location = location;
    }

    boolean isBuiltIn() {
        return location == null || location.isEmpty();
    }

    boolean isFile() {
        return !isBuiltIn() && !isRemote();
    }

    String location() {
        return isBuiltIn() ? "built-in" : location;
    }

    Path path() {
        return Paths.get(location);
    }

    /** Loads and validates the policy; an unreadable or invalid one is a PolicyException. */
    Policy load(EndpointRegistry registry) throws PolicyException {
        if (isBuiltIn()) {
            return Policy.defaultPolicy();
        }
        PolicyLoader loader = new PolicyLoader(registry);
        if (!isRemote()) {
            return loader.load(path());
        }
        try {
            return loader.parse(fetch(), location);
        } catch (IOException e) {
            throw new PolicyException(List.of(new PolicyError(location, 1, 1, "cannot fetch policy: " + e.getMessage())));
        }
    }

    private boolean isRemote() {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    /**
     * The agent's own request (SPEC §5.6 step 0): only ever called on the agent's own threads, which
     * are marked when they are made, so it is not inspected.
     */
    private String fetch() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(location).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        int status = c.getResponseCode();
        if (status != 200) {
            throw new IOException("HTTP " + status);
        }
        try (InputStream in = c.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_REMOTE_BYTES) {
                    throw new IOException("policy larger than " + MAX_REMOTE_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    long lastModified() {
        try {
            return isFile() ? Files.getLastModifiedTime(path()).toMillis() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
