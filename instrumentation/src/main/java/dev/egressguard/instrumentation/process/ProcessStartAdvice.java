package dev.egressguard.instrumentation.process;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.jdk.ProcessBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code ProcessImpl.start(String[] cmdarray, Map env, String dir, Redirect[], boolean)}. */
public final class ProcessStartAdvice {
    private ProcessStartAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(value = 0, readOnly = false) String[] cmdarray,
                      @Advice.Argument(2) String dir) throws EgressBlockedException {
        try {
            cmdarray = ProcessBridge.beforeStart(cmdarray, dir);
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            EgressDispatcher.internalError("process", t);
        }
    }
}
