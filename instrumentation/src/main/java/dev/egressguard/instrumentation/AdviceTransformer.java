package dev.egressguard.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The one kind of transformation every path uses: inline an advice class into matching methods. */
public final class AdviceTransformer {
    private AdviceTransformer() {
    }

    /** A transformer that inlines {@code advice} into the methods {@code methods} matches. */
    public static AgentBuilder.Transformer advise(Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
        Advice visitor = Advice.to(advice);
        return (builder, type, classLoader, module, protectionDomain) -> builder.visit(visitor.on(methods));
    }
}
