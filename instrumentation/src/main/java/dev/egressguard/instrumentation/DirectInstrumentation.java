package dev.egressguard.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * An egress path into JDK classes written as a direct class-file rewrite (a few instructions calling
 * {@code dev.egressguard.api.jdk}), so that a program using only the JDK's HTTP stack never starts Byte Buddy:
 * the agent's start-up stays within SPEC §13. Paths into libraries use {@link #extend} (Byte Buddy advice).
 */
public interface DirectInstrumentation extends EgressInstrumentation {
    /** The rewritten class file of one of {@link #typeNames()}, or null to leave it as it is. */
    byte[] rewrite(String className, byte[] classfile);

    @Override
    default AgentBuilder extend(AgentBuilder builder) {
        return builder;
    }
}
