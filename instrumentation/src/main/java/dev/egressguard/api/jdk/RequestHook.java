package dev.egressguard.api.jdk;

import java.io.IOException;

/**
 * A decision step implemented inside the agent's isolated loader, for advice in JDK classes whose own types
 * the bootstrap loader cannot see (java.net.http lives in the platform loader). Takes and returns the
 * request as Object; the advice casts.
 */
public interface RequestHook {
    /** Decides the request; returns it or its replacement, or throws the block. */
    Object apply(Object request) throws IOException;
}
