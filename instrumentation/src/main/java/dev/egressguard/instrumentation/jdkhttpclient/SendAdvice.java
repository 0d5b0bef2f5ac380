package dev.egressguard.instrumentation.jdkhttpclient;

import dev.egressguard.api.jdk.JdkHttpClientHooks;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code HttpClientImpl.send}: it throws the block itself, not the JDK's IOException around it. */
public final class SendAdvice {
    private SendAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Thrown(readOnly = false) Throwable thrown) {
        if (thrown != null) {
            thrown = JdkHttpClientHooks.unwrapBlock(thrown);
        }
    }
}
