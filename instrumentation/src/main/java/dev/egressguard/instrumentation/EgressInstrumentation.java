package dev.egressguard.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.Set;

/**
 * One egress path (SPEC §6): which types it transforms and with which advice. Every path has the same
 * shape, one package each (jdkhttpclient, urlconnection, process, okhttp, apache4, apache5):
 * <ul>
 *   <li>a class implementing this interface, listed once in {@link Instrumentations#all()};</li>
 *   <li>its {@code *Advice} classes, inlined into the target class. Advice may reference only types the
 *       target's class loader sees: {@code dev.egressguard.api.*} (bootstrap), the JDK, and the instrumented
 *       library itself. Nothing else of the agent is visible there.</li>
 * </ul>
 * Advice lets only {@link dev.egressguard.api.EgressBlockedException} escape: it catches every other
 * Throwable, so a failure of egress-guard never reaches the application (SPEC §12).
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
