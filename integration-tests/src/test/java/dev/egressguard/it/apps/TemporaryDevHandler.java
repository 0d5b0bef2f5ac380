package dev.egressguard.it.apps;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.EgressHandler;
import dev.egressguard.api.HttpEgress;
import dev.egressguard.api.ProcessEgress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * TEMPORARY, for developing the hooks before the integrator's AgentRuntime exists: blocks a body or command
 * containing the example SSN, and redacts "REDACTME" (equal length). Used only by tests that name it
 * ({@code -Degressguard.it.devHandler=true}); to be deleted once AgentRuntime decides.
 * Installed by {@link DevHandlerLauncher}, never by production code.
 */
public final class TemporaryDevHandler implements EgressHandler {
    private static final String SSN = "123" + "-45-" + "6789";

    @Override
    public void onHttpRequest(HttpEgress request) throws EgressBlockedException {
        System.out.println("DECIDE " + request.channel() + " " + request.method() + " " + request.url()
                + " state=" + request.bodyState() + " length=" + request.contentLength());
        String body = request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
        if (body.contains(SSN)) {
            throw new EgressBlockedException("egress-guard blocked " + request.method() + " " + request.url()
                    + ": SSN detected in request body [incident inc_0000000000000000]", "inc_0000000000000000");
        }
        if (body.contains("REDACTME")) {
            request.replaceBody(body.replace("REDACTME", "********").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onProcessStart(ProcessEgress process) throws EgressBlockedException {
        String line = String.join(" ", process.command());
        System.out.println("DECIDE process " + process.command()[0]);
        if (line.contains(SSN)) {
            throw new EgressBlockedException("egress-guard blocked " + process.command()[0]
                    + ": SSN detected in command line [incident inc_0000000000000000]", "inc_0000000000000000");
        }
        if (line.contains("REDACTME")) {
            process.replaceCommand(Arrays.stream(process.command()).map(a -> a.replace("REDACTME", "********"))
                    .toArray(String[]::new));
        }
    }

    static void installIfAsked() {
        if (Boolean.getBoolean("egressguard.it.devHandler")) {
            EgressDispatcher.install(new TemporaryDevHandler());
        }
    }
}
