package dev.egressguard.instrumentation.jdkhttpclient;

import dev.egressguard.instrumentation.AdviceTransformer;
import dev.egressguard.instrumentation.EgressInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code java.net.http.HttpClient}: every send, sendAsync and the facade's calls meet in the private
 * {@code HttpClientImpl.sendAsync(request, handler, pushHandler, executor)} (JDK 11-25), decided once there;
 * each redirect hop is decided where {@code RedirectFilter.response} hands back the next request.
 */
public final class JdkHttpClientInstrumentation implements EgressInstrumentation {
    public static final String CHANNEL = "jdk-httpclient";
    static final String CLIENT = "jdk.internal.net.http.HttpClientImpl";
    static final String REDIRECTS = "jdk.internal.net.http.RedirectFilter";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(CLIENT, REDIRECTS);
    }

    @Override
    public void registerHooks() {
        JdkHttpClientBridge.register();
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder
                .type(named(CLIENT))
                .transform(AdviceTransformer.advise(SendAsyncAdvice.class,
                        named("sendAsync").and(isPrivate()).and(takesArguments(4))))
                .transform(AdviceTransformer.advise(SendAdvice.class,
                        named("send").and(isPublic()).and(takesArguments(2))))
                .type(named(REDIRECTS))
                .transform(AdviceTransformer.advise(RedirectAdvice.class,
                        named("response").and(takesArguments(1))));
    }
}
