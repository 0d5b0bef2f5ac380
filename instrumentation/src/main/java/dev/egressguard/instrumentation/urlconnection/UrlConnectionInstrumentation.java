package dev.egressguard.instrumentation.urlconnection;

import dev.egressguard.instrumentation.AdviceTransformer;
import dev.egressguard.instrumentation.EgressInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code HttpURLConnection}, http and https (the https implementation delegates to a subclass of the same
 * class), {@code URL.openStream} included: see {@link dev.egressguard.api.jdk.UrlConnectionBridge} for
 * where each kind of body is decided.
 */
public final class UrlConnectionInstrumentation implements EgressInstrumentation {
    public static final String CHANNEL = "urlconnection";
    static final String CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(CONNECTION);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named(CONNECTION))
                .transform(AdviceTransformer.advise(GetInputStreamAdvice.class,
                        named("getInputStream").and(takesArguments(0))))
                .transform(AdviceTransformer.advise(GetOutputStreamAdvice.class,
                        named("getOutputStream").and(takesArguments(0))))
                .transform(AdviceTransformer.advise(WriteRequestsAdvice.class,
                        named("writeRequests").and(takesArguments(0))));
    }
}
