package dev.egressguard.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.jar.JarFile;

/**
 * The agent's entry point and the only class of it the application's class loader ever loads (with
 * {@link AgentClassLoader}). It puts {@code dev.egressguard.api} into the bootstrap loader and starts
 * everything else inside the isolated loader, so the application's own Jackson, Byte Buddy or SLF4J
 * (any version, or none) never meet ours. It must not touch any other egress-guard class directly.
 */
public final class EgressGuardAgent {
    private static final String INSTALLER = "dev.egressguard.agent.AgentInstaller";
    private static final String CLI = "dev.egressguard.agent.cli.Cli";
    private static final String INJECTOR = "dev.egressguard.agent.BootstrapInjector";
    private static volatile boolean started;

    private EgressGuardAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    /** {@code java -jar egress-guard-agent.jar <command>}: the CLI, run inside the isolated loader. */
    public static void main(String[] args) throws Throwable {
        AgentClassLoader loader = new AgentClassLoader(agentJar(), true);
        Thread.currentThread().setContextClassLoader(loader);
        Method main = Class.forName(CLI, true, loader).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static synchronized void start(String agentArgs, Instrumentation instrumentation) {
        if (started) {
            return; // a second -javaagent or a late attach: one agent per JVM
        }
        started = true;
        long t0 = System.nanoTime();
        try {
            File jar = agentJar();
            AgentClassLoader loader = new AgentClassLoader(jar, false);
            putApiOnBootstrap(instrumentation, jar, loader);
            Class.forName(INSTALLER, true, loader)
                    .getMethod("install", Instrumentation.class, String.class)
                    .invoke(null, instrumentation, agentArgs);
            if (Boolean.getBoolean("egressguard.debugStartup")) {
                System.err.println("[egress-guard] premain took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
            System.err.println("[egress-guard] agent not started, the application runs unguarded: " + cause);
        }
    }

    /** dev.egressguard.api must be visible to JDK classes: defined in the bootstrap loader, or the jar appended. */
    private static void putApiOnBootstrap(Instrumentation instrumentation, File jar, AgentClassLoader loader)
            throws Exception {
        try (JarFile file = new JarFile(jar, false)) {
            Class.forName(INJECTOR, true, loader).getMethod("inject", Instrumentation.class, JarFile.class)
                    .invoke(null, instrumentation, file);
        } catch (Throwable t) {
            if (Boolean.getBoolean("egressguard.debugStartup")) {
                System.err.println("[egress-guard] bootstrap injection failed, appending the jar: " + t);
            }
            // API classes partly defined are the same bytes the appended jar holds: the boot loader finds either
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
        }
    }

    static File agentJar() throws Exception {
        return new File(EgressGuardAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
