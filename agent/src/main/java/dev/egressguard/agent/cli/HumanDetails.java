package dev.egressguard.agent.cli;

import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.decision.Target;
import dev.egressguard.engine.inspect.Detection;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The indented detail lines under a human-readable decision. */
final class HumanDetails {
    private HumanDetails() {
    }

    static void print(Decision d, PrintStream out) {
        Target t = d.target();
        if (t != null) {
            out.println("  target:     " + t.url() + " (" + t.name() + ", " + t.category() + ", "
                    + t.riskLevel().wireName() + " risk" + (t.internal() ? ", internal" : "") + ")");
        }
        if (d.command() != null) {
            out.println("  command:    " + d.command());
        }
        if (d.rule() != null) {
            out.println("  rule:       " + d.rule());
        }
        for (Detection det : d.detections()) {
            out.println("  detected:   " + det.type() + " in " + det.location() + " [" + det.start() + ".." + det.end()
                    + ") " + det.encoding() + ", confidence " + det.confidence());
        }
        for (String w : d.warnings()) {
            out.println("  warning:    " + w);
        }
        if (d.sanitizedBody() != null) {
            out.println("  sanitized:  " + new String(d.sanitizedBody(), StandardCharsets.UTF_8));
        }
        if (d.sanitizedArgv() != null) {
            out.println("  sanitized:  " + String.join(" ", d.sanitizedArgv()));
        }
    }
}
