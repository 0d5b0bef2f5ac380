package dev.egressguard.agent;

import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.EgressHandler;
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
     * Installs the bridge and the name-filtering transformer at once; the runtime and Byte Buddy start on a
     * background thread, in parallel with the application's own start-up. Whatever egress comes first waits for
     * the part it needs.
     */
    public static void install(Instrumentation instrumentation, String agentArgs) {
        DeferredHandler handler = new DeferredHandler();
        EgressDispatcher.install(handler);
        LazyTransformer transformer = null;
        try {
            openJdkModules(instrumentation);
            transformer = installInstrumentations(instrumentation, Instrumentations.all());
        } catch (Throwable t) {
            System.err.println("[egress-guard] instrumentation failed, egress is not guarded: " + t);
        }
        LazyTransformer warmUp = transformer;
        Thread starter = new Thread(() -> {
            EgressDispatcher.markSelfTraffic();
            handler.start(agentArgs);
            if (warmUp != null && warmUp.wantsWarmUp()) {
                warmUp.delegate();
            }
        }, "egress-guard-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Installs the given egress paths: a {@link LazyTransformer} that builds Byte Buddy's transformer when the
     * first instrumented class loads, and retransforms those already loaded.
     */
    static LazyTransformer installInstrumentations(Instrumentation instrumentation, List<EgressInstrumentation> paths)
            throws Exception {
        Set<String> names = new HashSet<>();
        for (EgressInstrumentation path : paths) {
            path.registerHooks();
            names.addAll(path.typeNames());
        }
        Set<String> internalNames = new HashSet<>();
        for (String name : names) {
            internalNames.add(name.replace('.', '/'));
        }
        LazyTransformer lazy = new LazyTransformer(internalNames, () -> byteBuddyTransformer(paths, names),
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

    /** Byte Buddy's transformer for every path, not installed: {@link LazyTransformer} calls it. */
    private static ClassFileTransformer byteBuddyTransformer(List<EgressInstrumentation> paths, Set<String> names) {
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
