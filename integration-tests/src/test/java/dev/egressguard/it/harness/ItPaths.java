package dev.egressguard.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the build put what the forked JVMs need (surefire passes these as system properties). */
public final class ItPaths {
    private ItPaths() {
    }

    /** The agent jar; built by the agent module before this one runs. */
    public static Path agentJar() {
        Path jar = Paths.get(property("egressguard.it.agentJar", "../agent/target/egress-guard-agent.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with `mvn -B package -DskipTests`");
        }
        return jar;
    }

    /**
     * The java launcher for forked apps: {@code egressguard.it.java}, a JDK home or a java binary (CI re-runs
     * the suite with Temurin 25 this way), else the JDK running the tests.
     */
    public static Path java() {
        String configured = property("egressguard.it.java", "");
        Path java = configured.isEmpty() ? Paths.get(System.getProperty("java.home")) : Paths.get(configured);
        if (Files.isDirectory(java)) {
            java = java.resolve("bin").resolve("java");
        }
        return java;
    }

    /** target/clients: one folder of jars per client version (see the pom). */
    public static Path clients() {
        return Paths.get(property("egressguard.it.clients", "target/clients")).toAbsolutePath();
    }

    /** src/test/apps: app sources compiled at test time against a client folder. */
    public static Path appSources() {
        return Paths.get(property("egressguard.it.apps", "src/test/apps")).toAbsolutePath();
    }

    /** The compiled test classes, which hold the JDK-only apps. */
    public static Path testClasses() {
        try {
            return Paths.get(ItPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh directory under target/it-work. */
    public static Path newWorkDir(String prefix) {
        try {
            Path root = Paths.get(property("egressguard.it.work", "target/it-work")).toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String key, String fallback) {
        String value = System.getProperty(key);
        // an unset Maven property arrives as its own ${...} text
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
