package dev.egressguard.api.jdk;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * What the rewritten {@code jdk.internal.net.http} classes call. The work is done by hooks the agent registers
 * at start-up (they need java.net.http types, which the bootstrap loader cannot see); unregistered, nothing
 * happens. Only a block ever leaves these methods: any other failure is logged and the request goes on.
 */
public final class JdkHttpClientHooks {
    static final String CHANNEL = "jdk-httpclient";
    private static volatile RequestHook beforeSend;
    private static volatile RequestHook beforeRedirect;
    /** The request {@code send} just decided, which it hands to {@code sendAsync}: not decided twice. */
    private static final ThreadLocal<Object> DECIDED_BY_SEND = new ThreadLocal<>();

    private JdkHttpClientHooks() {
    }

    public static void register(RequestHook send, RequestHook redirect) {
        beforeSend = send;
        beforeRedirect = redirect;
    }

    /** At the entry of {@code HttpClientImpl.send}: the request to send (maybe republished); throws the block. */
    public static Object beforeSend(Object request) throws IOException {
        Object decided = decide(request);
        DECIDED_BY_SEND.set(decided);
        return decided;
    }

    /**
     * At the entry of the private {@code HttpClientImpl.sendAsync} every call passes: the request to send, or a
     * future failed with the block, which the method then returns without sending anything.
     */
    public static Object beforeSendAsync(Object request) {
        Object fromSend = DECIDED_BY_SEND.get();
        if (fromSend != null) {
            DECIDED_BY_SEND.set(null); // cheaper than remove(), which expunges stale entries on every call
            if (fromSend == request) {
                return request;
            }
        }
        try {
            return decide(request);
        } catch (EgressBlockedException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IOException e) {
            return request; // decide() lets only blocks out
        }
    }

    /**
     * What {@code HttpClientImpl.send} throws instead of {@code e}: the block itself when the exchange
     * failed because a redirect hop was blocked ({@code send} wraps it in an IOException of its own).
     */
    public static IOException thrownBySend(IOException e) {
        Throwable cause = e.getCause();
        return !(e instanceof EgressBlockedException) && cause instanceof EgressBlockedException
                ? (EgressBlockedException) cause : e;
    }

    /** Before {@code RedirectFilter.response} returns: decides the next hop (null: no redirect). */
    public static void beforeRedirect(Object next) throws IOException {
        RequestHook hook = beforeRedirect;
        if (hook == null || next == null) {
            return;
        }
        try {
            hook.apply(next);
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            EgressDispatcher.internalError(CHANNEL, t);
        }
    }

    private static Object decide(Object request) throws IOException {
        RequestHook hook = beforeSend;
        if (hook == null || request == null) {
            return request;
        }
        try {
            Object result = hook.apply(request);
            return result == null ? request : result;
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            EgressDispatcher.internalError(CHANNEL, t);
            return request;
        }
    }
}
