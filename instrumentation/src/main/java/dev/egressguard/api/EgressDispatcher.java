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

    /** Places (channels) whose internal error was already logged: each is logged once (SPEC §12). */
    private static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private EgressDispatcher() {
    }

    /**
     * Advice calls this with any failure of egress-guard itself; the application carries on. Logged once per
     * place, class and message only (a message never carries request content).
     */
    public static void internalError(String place, Throwable t) {
        try {
            if (REPORTED.add(place)) {
                System.err.println("[egress-guard] internal error in " + place + ", continuing: " + t);
            }
        } catch (Throwable ignored) {
            // logging must not fail the application either
        }
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

    /** True inside an instrumented call entered with {@link #enter()}: the outer call decides. */
    public static boolean isNested() {
        return DEPTH.get()[0] > 0;
    }

    /** The handler's {@code maxBodyBytes}, or the default when none is installed. */
    public static long maxBodyBytes() {
        EgressHandler h = handler;
        try {
            return h == null ? 8L * 1024 * 1024 : h.maxBodyBytes();
        } catch (Throwable t) {
            return 8L * 1024 * 1024;
        }
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
