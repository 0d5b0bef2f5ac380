package dev.egressguard.instrumentation.apache5;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.egressguard.instrumentation.EgressInstrumentation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Apache HttpClient 5.x: the first hop where every classic execute overload meets
 * ({@link Apache5ClassicExecuteAdvice}) and where every async one does
 * ({@link Apache5AsyncExecuteAdvice}); each further hop, classic or async, where the redirect is
 * approved ({@link Apache5RedirectAdvice}, HttpClient 5.4+) or, before 5.4, where its location is
 * found ({@link Apache5LocationAdvice}); and a block is never retried
 * ({@link Apache5NoRetryAdvice}).
 */
public final class Apache5Instrumentation implements EgressInstrumentation {
    public static final String CHANNEL = "apache-httpclient5";

    static final String[] CLASSIC = {
        "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
        "org.apache.hc.client5.http.impl.classic.MinimalHttpClient",
    };
    static final String[] ASYNC = {
        "org.apache.hc.client5.http.impl.async.InternalAbstractHttpAsyncClient",
        "org.apache.hc.client5.http.impl.async.AbstractMinimalHttpAsyncClientBase",
    };
    /**
     * By name to keep class loading cheap: the interface itself, whose default isRedirectAllowed serves
     * strategies that do not override it, and the library's strategy, which does.
     */
    static final String[] REDIRECTS = {
        "org.apache.hc.client5.http.protocol.RedirectStrategy",
        "org.apache.hc.client5.http.impl.DefaultRedirectStrategy",
    };
    static final String DEFAULT_REDIRECTS = "org.apache.hc.client5.http.impl.DefaultRedirectStrategy";
    static final String RETRIES = "org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        Set<String> names = new HashSet<>(Arrays.asList(CLASSIC));
        names.addAll(Arrays.asList(ASYNC));
        names.addAll(Arrays.asList(REDIRECTS));
        names.add(RETRIES);
        return names;
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        // advice named, not loaded: it names HttpClient types that the agent's own loader cannot see
        ClassLoader advice = Apache5Instrumentation.class.getClassLoader();
        return builder
                .type(namedOneOf(CLASSIC))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("doExecute").and(takesArguments(3))
                                        .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                                        .and(not(isAbstract())),
                                Apache5ClassicExecuteAdvice.class.getName()))
                .type(namedOneOf(ASYNC))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("doExecute").and(takesArguments(6))
                                        .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
                                        .and(not(isAbstract())),
                                Apache5AsyncExecuteAdvice.class.getName()))
                .type(namedOneOf(REDIRECTS))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("isRedirectAllowed").and(takesArguments(4))
                                        .and(takesArgument(2, named("org.apache.hc.core5.http.HttpRequest")))
                                        .and(not(isAbstract())),
                                Apache5RedirectAdvice.class.getName()))
                // 5.0-5.3 have no isRedirectAllowed: the next hop is decided from the location instead
                .type(named(DEFAULT_REDIRECTS)
                        .and(not(declaresMethod(named("isRedirectAllowed")))))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("getLocationURI").and(takesArguments(3))
                                        .and(takesArgument(1, named("org.apache.hc.core5.http.HttpResponse")))
                                        .and(not(isAbstract())),
                                Apache5LocationAdvice.class.getName()))
                .type(named(RETRIES))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("retryRequest").and(takesArguments(4))
                                        .and(takesArgument(1, named("java.io.IOException")))
                                        .and(not(isAbstract())),
                                Apache5NoRetryAdvice.class.getName()));
    }
}
