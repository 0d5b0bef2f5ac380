package dev.egressguard.agent.cli;

import dev.egressguard.engine.audit.AuditVerifier;
import dev.egressguard.engine.export.HtmlReport;
import dev.egressguard.engine.incident.IncidentLedger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Set;

/** {@code report --html FILE [--file F] [--key K]} (SPEC §10): one self-contained HTML page of the incidents. */
final class ReportCommand implements CliCommand {
    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        args.allowOnly(Set.of("html", "file", "key"));
        String html = args.option("html");
        // --html is a switch for the CLI parser, so `--html FILE` leaves FILE positional
        if ("true".equals(html) && args.positional().size() == 1) {
            html = args.positional().get(0);
        } else if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "' (use: report --html FILE)");
        }
        if (html == null || html.equals("true")) {
            throw new UsageException("report needs --html FILE, the page to write");
        }
        Path file = TrailOptions.file(args);
        try {
            IncidentLedger ledger = IncidentLedger.load(file);
            String verification;
            try {
                AuditVerifier.Result r = AuditVerifier.verify(file, TrailOptions.key(args));
                verification = r.status() == AuditVerifier.Result.Status.NEEDS_KEY
                        ? "not verified: the trail is keyed, pass --key to check it" : r.headline();
            } catch (IOException e) {
                verification = null;
            }
            Path target = Paths.get(html);
            Files.write(target, HtmlReport.render(ledger, file.toString(), verification, Instant.now())
                    .getBytes(StandardCharsets.UTF_8));
            out.println("wrote " + target + " (" + ledger.all().size() + " incidents)");
            return 0;
        } catch (IOException e) {
            throw new UsageException("cannot write the report: " + e.getMessage());
        }
    }
}
