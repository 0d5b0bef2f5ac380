package dev.egressguard.instrumentation.apache4;

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
 * Apache HttpClient 4.x: the first hop where every execute overload meets
 * ({@link Apache4ExecuteAdvice}), each further hop where a redirect is made ({@link Apache4RedirectAdvice}).
 */
public final class Apache4Instrumentation {
    public static final String CHANNEL = "apache-httpclient4";

    public String channel() {
        return CHANNEL;
    }

    public AgentBuilder extend(AgentBuilder builder) {
        ClassLoader advice = Apache4Instrumentation.class.getClassLoader();
        return builder
                // only the clients that do the work: wrappers such as DecompressingHttpClient
                // delegate to one of these, so a request still meets one hook
                .type(namedOneOf("org.apache.http.impl.client.InternalHttpClient",
                        "org.apache.http.impl.client.MinimalHttpClient",
                        "org.apache.http.impl.client.AbstractHttpClient"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("doExecute").and(takesArguments(3))
                                        .and(takesArgument(0, named("org.apache.http.HttpHost")))
                                        .and(takesArgument(1, named("org.apache.http.HttpRequest")))
                                        .and(not(isAbstract())),
                                Apache4ExecuteAdvice.class.getName()))
                .type(not(isInterface()).and(hasSuperType(named("org.apache.http.client.RedirectStrategy"))))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(advice)
                        .advice(named("getRedirect").and(takesArguments(3)).and(not(isAbstract())),
                                Apache4RedirectAdvice.class.getName()));
    }
}
