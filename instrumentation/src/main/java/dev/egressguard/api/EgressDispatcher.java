package dev.egressguard.api;

/**
 * The one entry point instrumented code calls. It lives on the bootstrap class path so that
 * advice inlined into JDK classes can see it. It never lets anything but a block escape: any
 * other failure of the handler is swallowed here (the handler applies failMode itself).
 */
public final class EgressDispatcher {
    private static volatile EgressHandler handler;

    /** Per-thread nesting of instrumented calls, so one application request is decided once. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Threads of egress-guard itself (notifications, export, policy fetch): never decided. */
    private static final ThreadLocal<Boolean> SELF = new ThreadLocal<>();

    private EgressDispatcher() {
    }

    public static void install(EgressHandler h) {
        handler = h;
    }

    public static boolean isInstalled() {
        return handler != null;
    }

    /** Enters an instrumented call; true for the outermost one, which is the one to decide. */
    public static boolean enter() {
        return DEPTH.get()[0]++ == 0;
    }

    /** Leaves an instrumented call entered with {@link #enter()}. */
    public static void exit() {
        int[] d = DEPTH.get();
        if (d[0] > 0) {
            d[0]--;
        }
    }

    /** Marks the current thread as egress-guard's own (SPEC §5.6 step 0). */
    public static void markSelfTraffic() {
        SELF.set(Boolean.TRUE);
    }

    public static boolean isSelfTraffic() {
        return SELF.get() != null;
    }

    public static void onHttpRequest(HttpEgress request) throws EgressBlockedException {
        EgressHandler h = handler;
        if (h == null || isSelfTraffic()) {
            return;
        }
        try {
            h.onHttpRequest(request);
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            // the handler reports its own failures; the application must never see them
        }
    }

    public static void onProcessStart(ProcessEgress process) throws EgressBlockedException {
        EgressHandler h = handler;
        if (h == null || isSelfTraffic()) {
            return;
        }
        try {
            h.onProcessStart(process);
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            // as above
        }
    }
}
