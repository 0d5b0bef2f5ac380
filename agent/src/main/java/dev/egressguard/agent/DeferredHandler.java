package dev.egressguard.agent;

import dev.egressguard.agent.runtime.AgentRuntime;
import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressHandler;
import dev.egressguard.api.HttpEgress;
import dev.egressguard.api.ProcessEgress;

import java.util.concurrent.CountDownLatch;

/**
 * The handler installed at premain while {@link AgentRuntime#start} runs on a background thread, so the
 * application's start-up does not wait for settings, the registry and the policy. A decision asked for before
 * the runtime is up waits for it: nothing is let through undecided.
 */
final class DeferredHandler implements EgressHandler {
    private static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile EgressHandler runtime;

    /** Runs on the start-up thread. */
    void start(String agentArgs) {
        try {
            runtime = AgentRuntime.start(agentArgs);
        } catch (Throwable t) {
            System.err.println("[egress-guard] runtime failed to start, nothing will be decided: " + t);
        } finally {
            started.countDown();
        }
    }

    private EgressHandler runtime() {
        boolean interrupted = false;
        while (true) {
            try {
                started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the decision must still be made; the interrupt is kept for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return runtime;
    }

    @Override
    public void onHttpRequest(HttpEgress request) throws EgressBlockedException {
        EgressHandler h = runtime();
        if (h != null) {
            h.onHttpRequest(request);
        }
    }

    @Override
    public void onProcessStart(ProcessEgress process) throws EgressBlockedException {
        EgressHandler h = runtime();
        if (h != null) {
            h.onProcessStart(process);
        }
    }

    @Override
    public long maxBodyBytes() {
        EgressHandler h = runtime();
        return h == null ? DEFAULT_MAX_BODY_BYTES : h.maxBodyBytes();
    }
}
