package dev.egressguard.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Forks one JVM running an app with {@code -javaagent:<agent jar>=<args>}:
 * <pre>
 * AppResult r = AgentJvm.app(JdkHttpClientApp.class.getName())
 *         .policy(policyFile)
 *         .args("send", "POST", server.url("api.openai.com", "/v1/chat/completions"), body)
 *         .run();
 * </pre>
 * Each run gets a fresh working directory (the default audit log lands there), a hosts file mapping
 * {@link HostsFile#NAMES} to loopback, and the test classes as class path unless given another.
 */
public final class AgentJvm {
    private final String mainClass;
    private final List<Path> classpath = new ArrayList<>();
    private final Map<String, String> agentArgs = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private boolean agent = true;
    private Duration timeout = Duration.ofSeconds(60);
    private Path workDir;

    private AgentJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    public static AgentJvm app(String mainClass) {
        return new AgentJvm(mainClass);
    }

    public static AgentJvm app(Class<?> mainClass) {
        return new AgentJvm(mainClass.getName());
    }

    /** Replaces the default class path (the test classes). */
    public AgentJvm classpath(List<Path> entries) {
        classpath.clear();
        classpath.addAll(entries);
        return this;
    }

    /** One {@code key=value} of the agent argument string (SPEC §4). */
    public AgentJvm agentArg(String key, String value) {
        agentArgs.put(key, value);
        return this;
    }

    public AgentJvm policy(Path policy) {
        return agentArg("policy", policy.toString());
    }

    public AgentJvm mode(String mode) {
        return agentArg("mode", mode);
    }

    /** Runs the app without {@code -javaagent}: the baseline. */
    public AgentJvm withoutAgent() {
        agent = false;
        return this;
    }

    public AgentJvm systemProperty(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    public AgentJvm env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public AgentJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public AgentJvm args(String... appArgs) {
        args.addAll(List.of(appArgs));
        return this;
    }

    public AgentJvm args(List<String> appArgs) {
        args.addAll(appArgs);
        return this;
    }

    public AgentJvm timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /** Runs in this directory instead of a fresh one (e.g. to share an audit log between runs). */
    public AgentJvm workDir(Path dir) {
        workDir = dir;
        return this;
    }

    /** The command line {@link #run()} starts. */
    public List<String> command(Path dir) {
        List<String> command = new ArrayList<>();
        command.add(ItPaths.java().toString());
        command.add("-XX:TieredStopAtLevel=1"); // short-lived apps: C1 only starts faster
        if (agent) {
            String agentArgString = agentArgs.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            command.add("-javaagent:" + ItPaths.agentJar() + (agentArgString.isEmpty() ? "" : "=" + agentArgString));
        }
        command.add("-Djdk.net.hosts.file=" + HostsFile.write(dir));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(jvmArgs);
        command.add("-cp");
        List<Path> cp = classpath.isEmpty() ? List.of(ItPaths.testClasses()) : classpath;
        command.add(cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public AppResult run() {
        Path dir = workDir != null ? workDir : ItPaths.newWorkDir(mainClass.substring(mainClass.lastIndexOf('.') + 1));
        ProcessBuilder builder = new ProcessBuilder(command(dir)).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("EGRESSGUARD_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(mainClass + " did not finish in " + timeout + "\n" + err.getNow(""));
            }
            return new AppResult(process.exitValue(), out.join(), err.join(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
