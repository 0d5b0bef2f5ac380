package dev.egressguard.api.jdk;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.ProcessEgress;

/** Called by the advice in {@code java.lang.ProcessImpl.start}: decides one process start. */
public final class ProcessBridge {
    public static final String CHANNEL = "process";

    private ProcessBridge() {
    }

    /** The argv to run: the same array, or the handler's rewrite after a redact. Throws the block. */
    public static String[] beforeStart(String[] cmdarray, String dir) throws EgressBlockedException {
        if (!EgressDispatcher.isInstalled() || cmdarray == null || cmdarray.length == 0) {
            return cmdarray;
        }
        ProcessEgress process = new ProcessEgress(CHANNEL, cmdarray, dir);
        EgressDispatcher.onProcessStart(process);
        String[] replacement = process.replacementCommand();
        return replacement == null || replacement.length == 0 ? cmdarray : replacement;
    }
}
