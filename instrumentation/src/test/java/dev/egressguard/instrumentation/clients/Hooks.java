package dev.egressguard.instrumentation.clients;

import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.instrumentation.EgressInstrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;
import dev.egressguard.instrumentation.apache4.Apache4Instrumentation;
import dev.egressguard.instrumentation.apache5.Apache5Instrumentation;
import dev.egressguard.instrumentation.okhttp.OkHttpInstrumentation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Installs the three client instrumentations into this JVM once, before the client classes load. */
final class Hooks {
    static final ScriptedHandler HANDLER = new ScriptedHandler();
    static final List<String> TRANSFORMED = new CopyOnWriteArrayList<>();
    static final List<Throwable> ERRORS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    static synchronized ScriptedHandler install() {
        if (!installed) {
            List<EgressInstrumentation> paths = List.of(
                    new OkHttpInstrumentation(), new Apache4Instrumentation(), new Apache5Instrumentation());
            Set<String> names = new HashSet<>();
            for (EgressInstrumentation path : paths) {
                names.addAll(path.typeNames());
            }
            // configured as the agent's installer does
            AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                    .disableClassFormatChanges()
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                    .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                    .ignore(ElementMatchers.not(ElementMatchers.namedOneOf(names.toArray(new String[0]))))
                    .with(new AgentBuilder.Listener.Adapter() {
                        @Override
                        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
                                                     boolean loaded, DynamicType dynamicType) {
                            TRANSFORMED.add(type.getName());
                        }

                        @Override
                        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                            Throwable throwable) {
                            ERRORS.add(throwable);
                            System.err.println("HOOK-ERROR " + typeName + ": " + throwable);
                        }
                    });
            for (EgressInstrumentation path : paths) {
                builder = path.extend(builder);
            }
            builder.installOn(ByteBuddyAgent.install());
            EgressDispatcher.install(HANDLER);
            installed = true;
        }
        HANDLER.seen.clear();
        HANDLER.mode = ScriptedHandler.Mode.BLOCK;
        return HANDLER;
    }

    private Hooks() {
    }
}
