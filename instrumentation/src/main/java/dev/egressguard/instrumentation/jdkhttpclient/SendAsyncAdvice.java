package dev.egressguard.instrumentation.jdkhttpclient;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.jdk.JdkHttpClientHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/** Inlined into the private {@code HttpClientImpl.sendAsync}: a block skips the call and fails the future. */
public final class SendAsyncAdvice {
    private SendAsyncAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static CompletableFuture<?> enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
        try {
            request = (HttpRequest) JdkHttpClientHooks.beforeSend(request);
        } catch (EgressBlockedException e) {
            return CompletableFuture.failedFuture(e);
        } catch (Throwable t) {
            EgressDispatcher.internalError("jdk-httpclient", t);
        }
        return null;
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter CompletableFuture<?> blocked,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        if (blocked != null) {
            returned = blocked;
        }
    }
}
