package dev.egressguard.instrumentation.apache4;

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
 * Apache HttpClient 4.x: the first hop where every execute overload meets
 * ({@link Apache4ExecuteAdvice}), each further hop where a redirect is made ({@link Apache4RedirectAdvice}).
 */
public final class Apache4Instrumentation implements EgressInstrumentation {
    public static final String CHANNEL = "apache-httpclient4";

    /** Only the clients that do the work: wrappers such as DecompressingHttpClient delegate to one of these. */
    static final String[] CLIENTS = {
        "org.apache.http.impl.client.InternalHttpClient",
        "org.apache.http.impl.client.MinimalHttpClient",
        "org.apache.http.impl.client.AbstractHttpClient",
    };
    /**
     * The library's redirect strategies, by name to keep class loading cheap; LaxRedirectStrategy inherits
     * getRedirect, and an application's strategy that extends one of these and calls super is covered.
     */
    static final String[] REDIRECTS = {
        "org.apache.http.impl.client.DefaultRedirectStrategy",
        "org.apache.http.impl.client.DefaultRedirectStrategyAdaptor",
    };

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        Set<String> names = new HashSet<>(Arrays.asList(CLIENTS));
        names.addAll(Arrays.asList(REDIRECTS));
        return names;
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        // advice named, not loaded: it names HttpClient types that the agent's own loader cannot see
        ClassLoader advice = Apache4Instrumentation.class.getClassLoader();
        return builder
                .type(namedOneOf(CLIENTS))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("doExecute").and(takesArguments(3))
                                        .and(takesArgument(0, named("org.apache.http.HttpHost")))
                                        .and(takesArgument(1, named("org.apache.http.HttpRequest")))
                                        .and(not(isAbstract())),
                                Apache4ExecuteAdvice.class.getName()))
                .type(namedOneOf(REDIRECTS))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("getRedirect").and(takesArguments(3)).and(not(isAbstract())),
                                Apache4RedirectAdvice.class.getName()));
    }
}
