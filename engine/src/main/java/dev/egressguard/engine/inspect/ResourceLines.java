package dev.egressguard.engine.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Reads the detector data files beside this package (comments with '#', blank lines skipped). */
final class ResourceLines {
    private ResourceLines() {
    }

    static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = open(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("egress-guard: cannot read detector data " + name, e);
        }
        return out;
    }

    static List<String> list(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("egress-guard: context-words.properties lacks " + key);
        }
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(v.split(","))) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    static Properties properties(String name) {
        Properties p = new Properties();
        try (InputStream in = open(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("egress-guard: cannot read detector data " + name, e);
        }
        return p;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = ResourceLines.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource dev/egressguard/engine/inspect/" + name);
        }
        return in;
    }
}
