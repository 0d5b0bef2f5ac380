package dev.egressguard.api.jdk;

import dev.egressguard.api.EgressBlockedException;

import java.io.IOException;

/**
 * What the advice in {@code jdk.internal.net.http} calls. The work is done by hooks the agent registers at
 * start-up (they need java.net.http types, which the bootstrap loader cannot see); unregistered, nothing happens.
 */
public final class JdkHttpClientHooks {
    private static volatile RequestHook beforeSend;
    private static volatile RequestHook beforeRedirect;

    private JdkHttpClientHooks() {
    }

    public static void register(RequestHook send, RequestHook redirect) {
        beforeSend = send;
        beforeRedirect = redirect;
    }

    /** The request to send: the same, or its republished copy after a redact. Throws the block. */
    public static Object beforeSend(Object request) throws IOException {
        RequestHook hook = beforeSend;
        return hook == null ? request : hook.apply(request);
    }

    /** Decides the next hop of a redirect before the client sends it. */
    public static void beforeRedirect(Object next) throws IOException {
        RequestHook hook = beforeRedirect;
        if (hook != null) {
            hook.apply(next);
        }
    }

    /** The exception {@code send} should throw: the block itself, not the JDK's IOException wrapping it. */
    public static Throwable unwrapBlock(Throwable thrown) {
        if (thrown == null || thrown instanceof EgressBlockedException) {
            return thrown;
        }
        Throwable cause = thrown.getCause();
        return cause instanceof EgressBlockedException ? cause : thrown;
    }
}
