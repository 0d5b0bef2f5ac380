package dev.egressguard.agent;

import dev.egressguard.agent.runtime.AgentRuntime;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.EgressHandler;
import dev.egressguard.instrumentation.EgressInstrumentation;
import dev.egressguard.instrumentation.Instrumentations;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Runs inside {@link AgentClassLoader}: starts the runtime behind the bootstrap bridge, then installs every
 * {@link EgressInstrumentation}. Never throws: the application starts whatever happens here.
 */
public final class AgentInstaller {
    private AgentInstaller() {
    }

    public static void install(Instrumentation instrumentation, String agentArgs) {
        try {
            EgressDispatcher.install(AgentRuntime.start(agentArgs));
        } catch (Throwable t) {
            System.err.println("[egress-guard] runtime failed to start, nothing will be decided: " + t);
        }
        try {
            openJdkModules(instrumentation);
            installInstrumentations(instrumentation, Instrumentations.all());
        } catch (Throwable t) {
            System.err.println("[egress-guard] instrumentation failed, egress is not guarded: " + t);
        }
    }

    /** Installs the given egress paths on the JVM. */
    static void installInstrumentations(Instrumentation instrumentation, List<EgressInstrumentation> paths) {
        allowNewestClassFiles();
        ElementMatcher.Junction<TypeDescription> instrumented = none();
        for (EgressInstrumentation path : paths) {
            instrumented = instrumented.or(path.types());
        }
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new WarnOnce(paths))
                .with(Boolean.getBoolean("egressguard.debugInstrumentation")
                        ? AgentBuilder.Listener.StreamWriting.toSystemError().withTransformationsOnly()
                        : AgentBuilder.Listener.NoOp.INSTANCE)
                .ignore(not(instrumented));
        for (EgressInstrumentation path : paths) {
            path.registerHooks();
            builder = path.extend(builder);
        }
        builder.installOn(instrumentation);
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
            ClassFileVersion.ofThisVm();
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
            TypeDescription named = new TypeDescription.Latent(typeName, 0, TypeDescription.Generic.OBJECT);
            for (EgressInstrumentation path : paths) {
                try {
                    if (path.types().matches(named)) {
                        return path.channel();
                    }
                } catch (RuntimeException e) {
                    // a matcher that needs more than the name: fall back to the type's name
                }
            }
            return typeName;
        }
    }
}
