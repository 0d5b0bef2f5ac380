package dev.egressguard.engine.export;

import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.audit.RecordSink;
import java.io.PrintStream;
import java.util.Map;

/** {@code export.stdout} (SPEC §9): one JSON line per decision and incident record, for container log pipelines. */
public final class StdoutExporter implements RecordSink {
    private final PrintStream out;

    public StdoutExporter(PrintStream out) {
        this.out = out;
    }

    /** Decisions and incident.* records are exported; agent and policy lifecycle records stay in the audit log. */
    public static boolean exported(Map<String, Object> record) {
        Object type = record.get("type");
        return "decision".equals(type) || (type instanceof String && ((String) type).startsWith("incident."));
    }

    @Override
    public void accept(Map<String, Object> record) {
        if (exported(record)) {
            // one println per line so concurrent application output never splits a record
            out.println(Json.write(record));
        }
    }

    @Override
    public void close(long timeoutMillis) {
        out.flush();
    }
}
