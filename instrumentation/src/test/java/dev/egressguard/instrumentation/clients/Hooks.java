package dev.egressguard.instrumentation.clients;

import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.instrumentation.apache4.Apache4Instrumentation;
import dev.egressguard.instrumentation.apache5.Apache5Instrumentation;
import dev.egressguard.instrumentation.okhttp.OkHttpInstrumentation;
import java.util.List;
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
            AgentBuilder builder = new AgentBuilder.Default()
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
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
            builder = new OkHttpInstrumentation().extend(builder);
            builder = new Apache4Instrumentation().extend(builder);
            builder = new Apache5Instrumentation().extend(builder);
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
