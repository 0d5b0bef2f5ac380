package dev.egressguard.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * OkHttp 3.14, 4.x and 5.x: every hop of every call of every client (newBuilder() copies share the
 * same chain classes), execute and enqueue alike, decided in {@code RealInterceptorChain.proceed}
 * just before {@code BridgeInterceptor} (see {@link OkHttpHopAdvice}).
 */
public final class OkHttpInstrumentation {
    public static final String CHANNEL = "okhttp";
    static final String CHAIN = "okhttp3.internal.http.RealInterceptorChain";

    public String channel() {
        return CHANNEL;
    }

    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named(CHAIN))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(OkHttpInstrumentation.class.getClassLoader())
                        .advice(hopMethod(), OkHttpHopAdvice.class.getName()));
    }

    /**
     * 3.x: RetryAndFollowUpInterceptor calls proceed(Request, Transmitter, Exchange), which
     * proceed(Request) delegates to; 4.x and 5.x have only proceed(Request). Exactly one of them
     * per version, so a hop never passes two hooks.
     */
    static ElementMatcher<MethodDescription> hopMethod() {
        ElementMatcher.Junction<TypeDescription> hasThreeArgProceed =
                declaresMethod(named("proceed").and(takesArguments(3)));
        return named("proceed")
                .and(takesArgument(0, named("okhttp3.Request")))
                .and(not(isAbstract()))
                .and(takesArguments(3).or(takesArguments(1).and(isDeclaredBy(not(hasThreeArgProceed)))));
    }
}
