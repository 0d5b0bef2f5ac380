package dev.egressguard.it.apps;

import java.util.Arrays;

/** TEMPORARY: installs {@link TemporaryDevHandler}, then runs the app named by the first argument. */
public final class DevHandlerLauncher {
    public static void main(String[] args) throws Throwable {
        TemporaryDevHandler.installIfAsked();
        Class.forName(args[0]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
