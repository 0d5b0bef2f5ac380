package dev.egressguard.instrumentation.clients;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressHandler;
import dev.egressguard.api.HttpEgress;
import dev.egressguard.api.ProcessEgress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the engine so the hooks can be tested alone: blocks a body holding the marker or a
 * request to a path holding "landing" when told to, or redacts the marker.
 */
final class ScriptedHandler implements EgressHandler {
    static final String MARKER = "123-45-6789";

    enum Mode { BLOCK, REDACT, BLOCK_LANDING }

    record Seen(String channel, String method, String url, int bodyState, String body, String contentType) {
    }

    volatile Mode mode = Mode.BLOCK;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onHttpRequest(HttpEgress request) throws EgressBlockedException {
        String body = request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8);
        List<String> ct = request.headers().get("Content-Type");
        seen.add(new Seen(request.channel(), request.method(), request.url(), request.bodyState(), body,
                ct == null ? null : ct.get(0)));
        if (mode == Mode.BLOCK_LANDING && request.url().contains("/landing")) {
            throw new EgressBlockedException("egress-guard blocked " + request.method() + " " + request.url()
                    + ": test rule [incident inc_test]", "inc_test");
        }
        if (body != null && body.contains(MARKER)) {
            if (mode == Mode.REDACT) {
                request.replaceBody(body.replace(MARKER, "[REDACTED]").getBytes(StandardCharsets.UTF_8));
            } else if (mode == Mode.BLOCK) {
                throw new EgressBlockedException("egress-guard blocked " + request.method() + " " + request.url()
                        + ": SSN detected in request body (high risk) [incident inc_test]", "inc_test");
            }
        }
    }

    @Override
    public void onProcessStart(ProcessEgress process) {
    }
}
