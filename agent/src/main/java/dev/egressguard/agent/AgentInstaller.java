package dev.egressguard.agent;

import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.EgressHandler;
import dev.egressguard.instrumentation.DirectInstrumentation;
import dev.egressguard.instrumentation.EgressInstrumentation;
import dev.egressguard.instrumentation.Instrumentations;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Runs inside {@link AgentClassLoader}: installs the bootstrap bridge's handler (the runtime, started in the
 * background) and every {@link EgressInstrumentation}. Never throws: the application starts whatever happens.
 */
public final class AgentInstaller {
    /** Shading relocates this literal along with Byte Buddy, so it names the property our copy reads. */
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private AgentInstaller() {
    }

    /**
     * Installs the bridge and the transformer at once; the runtime starts on a background thread, in parallel
     * with the application's own start-up (and Byte Buddy too, when the application has a library it
     * instruments). Whatever egress comes first waits for the part it needs.
     */
    public static void install(Instrumentation instrumentation, String agentArgs) {
        DeferredHandler handler = new DeferredHandler();
        EgressDispatcher.install(handler);
        LazyTransformer transformer = null;
        boolean libraries = false;
        try {
            openJdkModules(instrumentation);
            List<EgressInstrumentation> paths = Instrumentations.all();
            transformer = installInstrumentations(instrumentation, paths);
            libraries = applicationHasLibraryOf(paths);
        } catch (Throwable t) {
            System.err.println("[egress-guard] instrumentation failed, egress is not guarded: " + t);
        }
        LazyTransformer warmUp = libraries && transformer != null && transformer.wantsWarmUp() ? transformer : null;
        Thread starter = new Thread(() -> {
            EgressDispatcher.markSelfTraffic();
            long t0 = System.nanoTime();
            handler.start(agentArgs);
            long t1 = System.nanoTime();
            if (warmUp != null) {
                warmUp.warmUp();
            }
            if (Boolean.getBoolean("egressguard.debugStartup")) {
                System.err.println("[egress-guard] runtime started in " + (t1 - t0) / 1_000_000 + " ms"
                        + (warmUp == null ? "" : ", Byte Buddy in " + (System.nanoTime() - t1) / 1_000_000 + " ms"));
            }
        }, "egress-guard-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Installs the given egress paths: a {@link LazyTransformer} (JDK classes rewritten directly, library classes
     * through Byte Buddy built on demand), and retransforms instrumented classes already loaded.
     */
    static LazyTransformer installInstrumentations(Instrumentation instrumentation, List<EgressInstrumentation> paths)
            throws Exception {
        Set<String> names = new HashSet<>();
        Map<String, DirectInstrumentation> direct = new HashMap<>();
        Set<String> viaByteBuddy = new HashSet<>();
        List<EgressInstrumentation> advised = new ArrayList<>();
        for (EgressInstrumentation path : paths) {
            path.registerHooks();
            names.addAll(path.typeNames());
            for (String name : path.typeNames()) {
                if (path instanceof DirectInstrumentation) {
                    direct.put(name.replace('.', '/'), (DirectInstrumentation) path);
                } else {
                    viaByteBuddy.add(name.replace('.', '/'));
                }
            }
            if (!(path instanceof DirectInstrumentation)) {
                advised.add(path);
            }
        }
        LazyTransformer lazy = new LazyTransformer(direct, viaByteBuddy, () -> byteBuddyTransformer(advised),
                TransformCache.open());
        instrumentation.addTransformer(lazy, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (names.contains(type.getName()) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
        return lazy;
    }

    /** Whether a class one of the Byte Buddy paths instruments is on the application's class path. */
    private static boolean applicationHasLibraryOf(List<EgressInstrumentation> paths) {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        for (EgressInstrumentation path : paths) {
            if (path instanceof DirectInstrumentation) {
                continue;
            }
            for (String name : path.typeNames()) {
                if (app.getResource(name.replace('.', '/') + ".class") != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Byte Buddy's transformer for every path, not installed: {@link LazyTransformer} calls it. */
    private static ClassFileTransformer byteBuddyTransformer(List<EgressInstrumentation> paths) {
        Set<String> names = new HashSet<>();
        for (EgressInstrumentation path : paths) {
            names.addAll(path.typeNames());
        }
        allowNewestClassFiles();
        // Byte Buddy's nexus would inject a class into the application's loader (and touch Unsafe): not needed
        // with InitializationStrategy.NoOp, so switched off before Byte Buddy reads the property
        System.setProperty(NEXUS_DISABLED, "true");
        try {
            AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                    .disableClassFormatChanges()
                    .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                    .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                    .with(new WarnOnce(paths))
                    .with(Boolean.getBoolean("egressguard.debugInstrumentation")
                            ? AgentBuilder.Listener.StreamWriting.toSystemError().withTransformationsOnly()
                            : AgentBuilder.Listener.NoOp.INSTANCE)
                    .ignore(not(namedOneOf(names.toArray(new String[0]))));
            for (EgressInstrumentation path : paths) {
                builder = path.extend(builder);
            }
            return builder.makeRaw();
        } finally {
            System.clearProperty(NEXUS_DISABLED);
        }
    }

    /**
     * Advice inlined into java.base and java.net.http calls the bootstrap API (the boot loader's unnamed
     * module): those modules must read it, and the URL connection bridge reflects on two java.base internals.
     */
    private static void openJdkModules(Instrumentation instrumentation) {
        Module api = EgressDispatcher.class.getModule();
        Module base = Object.class.getModule();
        Map<String, Set<Module>> exports = new HashMap<>();
        exports.put("sun.net.www", Set.of(api));
        exports.put("sun.net.www.http", Set.of(api));
        instrumentation.redefineModule(base, Set.of(api), exports, Map.of(), Set.of(), Map.of());
        Optional<Module> http = ModuleLayer.boot().findModule("java.net.http");
        http.ifPresent(m -> instrumentation.redefineModule(m, Set.of(api), Map.of(), Map.of(), Set.of(), Map.of()));
    }

    /** Byte Buddy refuses class files newer than it knows unless told to try; the JDK's own are fine to try. */
    private static void allowNewestClassFiles() {
        try {
            if (ClassFileVersion.ofThisVm().isGreaterThan(ClassFileVersion.latest())) {
                System.setProperty("net.bytebuddy.experimental", "true");
            }
        } catch (Throwable t) {
            System.setProperty("net.bytebuddy.experimental", "true");
        }
    }

    /** One stderr line per egress path that cannot be applied; that path is then left alone (SPEC §12). */
    static final class WarnOnce extends AgentBuilder.Listener.Adapter {
        private final List<EgressInstrumentation> paths;
        private final Set<String> warned = ConcurrentHashMap.newKeySet();

        WarnOnce(List<EgressInstrumentation> paths) {
            this.paths = paths;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            String channel = channelOf(typeName);
            if (warned.add(channel)) {
                System.err.println("[egress-guard] cannot instrument " + typeName + " (" + channel
                        + "), left unguarded: " + throwable);
            }
        }

        private String channelOf(String typeName) {
            for (EgressInstrumentation path : paths) {
                if (path.typeNames().contains(typeName)) {
                    return path.channel();
                }
            }
            return typeName;
        }
    }
}
