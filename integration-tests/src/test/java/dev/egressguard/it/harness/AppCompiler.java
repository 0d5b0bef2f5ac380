package dev.egressguard.it.harness;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles an app family ({@code src/test/apps/<family>/**.java}) against one client folder
 * ({@code target/clients/<client>/*.jar}) at test time, once per pair, and returns the class path to run it
 * with: the compiled classes, the test classes (for {@code AppOutput}), and the client's jars.
 * <pre>
 * List&lt;Path&gt; cp = AppCompiler.classpath("okhttp", "okhttp-4.12.0");
 * AgentJvm.app("dev.egressguard.it.apps.okhttp.OkHttpApp").classpath(cp)...
 * </pre>
 */
public final class AppCompiler {
    private static final Map<String, List<Path>> COMPILED = new ConcurrentHashMap<>();

    private AppCompiler() {
    }

    /** The jars of one client folder under target/clients. */
    public static List<Path> clientJars(String client) {
        Path dir = ItPaths.clients().resolve(client);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir);
            }
            return jars;
        } catch (IOException e) {
            throw new IllegalStateException(dir + " is missing: add an execution for '" + client
                    + "' to the maven-dependency-plugin in integration-tests/pom.xml", e);
        }
    }

    public static List<Path> classpath(String family, String client) {
        return COMPILED.computeIfAbsent(family + "@" + client, key -> compile(family, client));
    }

    private static List<Path> compile(String family, String client) {
        Path sources = ItPaths.appSources().resolve(family);
        List<Path> jars = clientJars(client);
        Path out = ItPaths.clients().resolveSibling("apps").resolve(family + "-" + client);
        List<String> options = new ArrayList<>(List.of("--release", "11", "-nowarn", "-d", out.toString(), "-cp",
                Stream.concat(Stream.of(ItPaths.testClasses()), jars.stream())
                        .map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(out);
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> options.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, options.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("compiling " + sources + " against " + client + " failed:\n" + errors);
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(out);
        classpath.add(ItPaths.testClasses());
        classpath.addAll(jars);
        return classpath;
    }
}
