package dev.egressguard.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.Set;

/**
 * One egress path (SPEC §6): which types it transforms and how. Every path has the same shape, one package
 * each (jdkhttpclient, urlconnection, process, okhttp, apache4, apache5), listed once in
 * {@link Instrumentations#all()}:
 * <ul>
 *   <li>library paths implement this interface: {@link #extend} adds Byte Buddy advice, named (not loaded:
 *       {@code new AgentBuilder.Transformer.ForAdvice().include(getClass().getClassLoader()).advice(methods,
 *       AdviceClass.class.getName())}), since advice naming library types cannot load in the agent's loader.
 *       Advice is inlined into the target and may reference only what the target's loader sees:
 *       {@code dev.egressguard.api.*} (bootstrap), the JDK and the library itself;</li>
 *   <li>JDK paths implement {@link DirectInstrumentation}: a few ASM instructions calling
 *       {@code dev.egressguard.api.jdk}, so that JDK-only programs never start Byte Buddy.</li>
 * </ul>
 * Only {@link dev.egressguard.api.EgressBlockedException} may escape into the application: advice catches every
 * other Throwable (and reports it with {@link dev.egressguard.api.EgressDispatcher#internalError}), SPEC §12.
 * Nested instrumented calls of one request use {@link dev.egressguard.api.EgressDispatcher#enter()}/{@code exit()}
 * so that one application request is decided once.
 */
public interface EgressInstrumentation {
    /** The channel written into decision records (SPEC §8) and named in warnings. */
    String channel();

    /**
     * The binary names of every type this path transforms. The agent compares each class being loaded with
     * these names and starts Byte Buddy only when one of them appears, which keeps start-up cheap; list each
     * concrete class whose methods the advice goes into (inherited methods: the declaring class).
     */
    Set<String> typeNames();

    /**
     * Called once before {@link #extend}: registers the bootstrap hooks whose implementation needs types the
     * bootstrap loader cannot see (see {@code dev.egressguard.api.jdk.JdkHttpClientHooks}). Most paths need none.
     */
    default void registerHooks() {
    }

    /** Adds this path's transformations: {@code builder.type(namedOneOf(...)).transform(...)}. */
    AgentBuilder extend(AgentBuilder builder);
}
