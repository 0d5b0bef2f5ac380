package dev.egressguard.instrumentation.apache5;

import dev.egressguard.api.EgressBlockedException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpRequestRetryStrategy.retryRequest(HttpRequest, IOException, int, HttpContext)}:
 * a block is an IOException, and the async redirect exec reports it below the retry exec, which would
 * otherwise send the previous hop again and decide the blocked hop twice. A block is final: never retried.
 */
public final class Apache5NoRetryAdvice {
    private Apache5NoRetryAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static boolean isBlock(@Advice.Argument(1) Object failure) {
        return failure instanceof EgressBlockedException;
    }

    @Advice.OnMethodExit
    public static void neverRetried(@Advice.Enter boolean block, @Advice.Return(readOnly = false) boolean retry) {
        if (block) {
            retry = false;
        }
    }
}
