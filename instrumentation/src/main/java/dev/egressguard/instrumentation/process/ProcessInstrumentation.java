package dev.egressguard.instrumentation.process;

import dev.egressguard.instrumentation.AdviceTransformer;
import dev.egressguard.instrumentation.EgressInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Child processes: {@code java.lang.ProcessImpl.start} is the static chokepoint every
 * {@code ProcessBuilder.start} and {@code Runtime.exec} form passes (same signature on JDK 11-25).
 */
public final class ProcessInstrumentation implements EgressInstrumentation {
    public static final String CHANNEL = "process";
    static final String PROCESS_IMPL = "java.lang.ProcessImpl";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(PROCESS_IMPL);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named(PROCESS_IMPL)).transform(AdviceTransformer.advise(ProcessStartAdvice.class,
                named("start").and(isStatic()).and(takesArguments(5)).and(takesArgument(0, String[].class))));
    }
}
