package dev.egressguard.agent.cli;

import dev.egressguard.engine.audit.AuditReader;
import dev.egressguard.engine.audit.AuditVerifier;
import dev.egressguard.engine.audit.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code audit [--file F] [--filter FIELD:VALUE]... [--last N] [--json]} and
 * {@code audit verify [--file F] [--key K]} (SPEC §10).
 */
final class AuditCommand implements CliCommand {
    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException {
        List<String> words = args.positional();
        if (!words.isEmpty() && words.get(0).equals("verify")) {
            return verify(args, out);
        }
        if (!words.isEmpty()) {
            throw new UsageException("unknown audit subcommand '" + words.get(0) + "' (use: audit [--filter F:V] [--last N] [--json], audit verify)");
        }
        // --key is accepted everywhere the trail is read (SPEC §10); listing needs no key
        args.allowOnly(Set.of("file", "filter", "last", "json", "key"));
        Path file = TrailOptions.file(args);
        RecordFilter filter = RecordFilter.parse(args.options("filter"));
        int last = Integer.MAX_VALUE;
        if (args.option("last") != null) {
            try {
                last = Integer.parseInt(args.option("last"));
            } catch (NumberFormatException e) {
                last = -1;
            }
            if (last <= 0) {
                throw new UsageException("--last needs a positive number, not '" + args.option("last") + "'");
            }
        }
        // only the last N matches are kept: trails run to many rotated files
        ArrayDeque<Map<String, Object>> shown = new ArrayDeque<>();
        int keep = last;
        try {
            AuditReader.forEach(file, e -> {
                if (filter.matches(e.record())) {
                    if (shown.size() == keep) {
                        shown.removeFirst();
                    }
                    shown.addLast(e.record());
                }
            });
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (args.flag("json")) {
            for (Map<String, Object> r : shown) {
                out.println(Json.write(r));
            }
        } else {
            RecordTable.print(new ArrayList<>(shown), out);
        }
        return 0;
    }

    private int verify(CliArgs args, PrintStream out) throws UsageException {
        args.allowOnly(Set.of("file", "key"));
        if (args.positional().size() > 1) {
            throw new UsageException("audit verify takes no arguments besides --file and --key");
        }
        Path file = TrailOptions.file(args);
        AuditVerifier.Result r;
        try {
            r = AuditVerifier.verify(file, TrailOptions.key(args));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (r.status() == AuditVerifier.Result.Status.NEEDS_KEY) {
            throw new UsageException(r.why());
        }
        out.println(r.headline());
        for (String note : r.notes()) {
            out.println("note: " + note);
        }
        return r.intact() ? 0 : 1;
    }
}
