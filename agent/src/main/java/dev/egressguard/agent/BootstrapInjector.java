package dev.egressguard.agent;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines {@code dev.egressguard.api} directly in the bootstrap loader. Appending the jar to the bootstrap search
 * path would do the same, but makes the JVM print a warning and turn class-data sharing off for every other
 * loader, which slows the application's start-up. Uses JDK internals (opened to this loader only, never to the
 * application); {@link EgressGuardAgent} falls back to the append when this fails. Loaded by
 * {@link AgentClassLoader}, and touches no egress-guard type, since none is defined yet.
 */
public final class BootstrapInjector {
    private static final String API = "dev/egressguard/api/";

    private BootstrapInjector() {
    }

    /** Defines every API class of the jar in the bootstrap loader, supertypes first. */
    public static void inject(Instrumentation instrumentation, JarFile jar) throws Exception {
        Module base = Object.class.getModule();
        Module self = BootstrapInjector.class.getModule();
        instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(self)), Map.of(),
                Set.of(), Map.of());
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);

        List<String[]> pending = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(API) && name.endsWith(".class") && !name.endsWith("package-info.class")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes.add(in.readAllBytes());
                }
                pending.add(new String[] {name.substring(0, name.length() - ".class".length()).replace('/', '.')});
            }
        }
        // a class whose supertype is not defined yet fails to define: retry until every one is in
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int i = pending.size() - 1; i >= 0; i--) {
                byte[] b = bytes.get(i);
                try {
                    define.invoke(unsafe, pending.get(i)[0], b, 0, b.length, null, null);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (e.getCause() instanceof NoClassDefFoundError) {
                        continue;
                    }
                    throw e;
                }
                pending.remove(i);
                bytes.remove(i);
                progress = true;
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("could not define " + pending.get(0)[0]);
        }
    }
}
