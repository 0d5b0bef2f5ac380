package dev.egressguard.instrumentation.apache5;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Apache HttpClient 5.x: the first hop where every classic execute overload meets
 * ({@link Apache5ClassicExecuteAdvice}) and where every async one does
 * ({@link Apache5AsyncExecuteAdvice}); each further hop, classic or async, where the redirect is
 * approved ({@link Apache5RedirectAdvice}, HttpClient 5.4+); and a block is never retried
 * ({@link Apache5NoRetryAdvice}).
 */
public final class Apache5Instrumentation {
    public static final String CHANNEL = "apache-httpclient5";

    public String channel() {
        return CHANNEL;
    }

    public AgentBuilder extend(AgentBuilder builder) {
        ClassLoader advice = Apache5Instrumentation.class.getClassLoader();
        return builder
                .type(namedOneOf("org.apache.hc.client5.http.impl.classic.InternalHttpClient",
                        "org.apache.hc.client5.http.impl.classic.MinimalHttpClient"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("doExecute").and(takesArguments(3))
                                        .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                                        .and(not(isAbstract())),
                                Apache5ClassicExecuteAdvice.class.getName()))
                .type(namedOneOf("org.apache.hc.client5.http.impl.async.InternalAbstractHttpAsyncClient",
                        "org.apache.hc.client5.http.impl.async.AbstractMinimalHttpAsyncClientBase"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("doExecute").and(takesArguments(6))
                                        .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
                                        .and(not(isAbstract())),
                                Apache5AsyncExecuteAdvice.class.getName()))
                // the interface too: its default isRedirectAllowed serves strategies that do not override it
                .type(hasSuperType(named("org.apache.hc.client5.http.protocol.RedirectStrategy")))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("isRedirectAllowed").and(takesArguments(4))
                                        .and(takesArgument(2, named("org.apache.hc.core5.http.HttpRequest")))
                                        .and(not(isAbstract())),
                                Apache5RedirectAdvice.class.getName()))
                .type(not(isInterface()).and(hasSuperType(named("org.apache.hc.client5.http.HttpRequestRetryStrategy"))))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("retryRequest").and(takesArguments(4))
                                        .and(takesArgument(1, named("java.io.IOException")))
                                        .and(not(isAbstract())),
                                Apache5NoRetryAdvice.class.getName()));
    }
}
