package dev.egressguard.instrumentation.jdkhttpclient;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.jdk.JdkHttpClientHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into {@code RedirectFilter.response}: the next hop it returns is decided before it is sent. */
public final class RedirectAdvice {
    private RedirectAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object next) throws EgressBlockedException {
        if (next != null) {
            try {
                JdkHttpClientHooks.beforeRedirect(next);
            } catch (EgressBlockedException e) {
                throw e;
            } catch (Throwable t) {
                EgressDispatcher.internalError("jdk-httpclient", t);
            }
        }
    }
}
