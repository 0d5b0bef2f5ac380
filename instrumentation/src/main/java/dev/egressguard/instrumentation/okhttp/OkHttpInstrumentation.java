package dev.egressguard.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.egressguard.instrumentation.EgressInstrumentation;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * OkHttp 3.14, 4.x and 5.x: every hop of every call of every client (newBuilder() copies share the
 * same chain classes), execute and enqueue alike, decided in {@code RealInterceptorChain.proceed}
 * just before {@code BridgeInterceptor} (see {@link OkHttpHopAdvice}).
 */
public final class OkHttpInstrumentation implements EgressInstrumentation {
    public static final String CHANNEL = "okhttp";
    static final String CHAIN = "okhttp3.internal.http.RealInterceptorChain";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(CHAIN);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        // advice named, not loaded: it names OkHttp types that the agent's own loader cannot see
        return builder.type(named(CHAIN))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(OkHttpInstrumentation.class.getClassLoader())
                        .advice(hopMethod(), OkHttpHopAdvice.class.getName()));
    }

    /**
     * 3.x: RetryAndFollowUpInterceptor calls the many-argument proceed (Request, Transmitter, Exchange in
     * 3.14; Request, StreamAllocation, HttpCodec, RealConnection before), which proceed(Request) delegates
     * to; 4.x and 5.x have only proceed(Request). Hooking the many-argument one where it exists, and
     * proceed(Request) only where it is alone, a hop never passes two hooks.
     */
    static ElementMatcher<MethodDescription> hopMethod() {
        ElementMatcher.Junction<TypeDescription> hasWiderProceed =
                declaresMethod(named("proceed").and(not(takesArguments(1))));
        return named("proceed")
                .and(takesArgument(0, named("okhttp3.Request")))
                .and(not(isAbstract()))
                .and(not(takesArguments(1)).or(isDeclaredBy(not(hasWiderProceed))));
    }
}
