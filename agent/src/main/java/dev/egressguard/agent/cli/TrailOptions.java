package dev.egressguard.agent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** {@code --file} and {@code --key} of the commands that read or append to the audit trail (SPEC §10). */
final class TrailOptions {
    /** The {@code audit} setting's default (SPEC §4). */
    static final String DEFAULT_FILE = "egress-guard-audit.jsonl";

    private TrailOptions() {
    }

    /** --file, else the audit setting from the environment or system property, else the default; must exist. */
    static Path file(CliArgs args) throws UsageException {
        String f = args.option("file");
        if (f == null) {
            f = setting("audit");
        }
        if (f == null || f.equals("off")) {
            f = DEFAULT_FILE;
        }
        Path p = Paths.get(f);
        if (!Files.exists(p) && !hasRotated(p)) {
            String hint = "";
            Path tmp = Paths.get(System.getProperty("java.io.tmpdir")).resolve(p.getFileName().toString());
            if (args.option("file") == null && Files.exists(tmp)) {
                hint = " (the agent wrote " + tmp + " because the working directory was not writable: pass --file " + tmp + ")";
            } else {
                hint = " (pass --file with the agent's audit log)";
            }
            throw new UsageException("no audit file " + p + hint);
        }
        return p;
    }

    private static boolean hasRotated(Path p) {
        return Files.exists(p.resolveSibling(p.getFileName() + ".1"));
    }

    /** --key, else the auditKey setting; null when neither is set. */
    static String key(CliArgs args) {
        String k = args.option("key");
        return k != null ? k : setting("auditKey");
    }

    /** A setting from egressguard.&lt;key&gt; or EGRESSGUARD_&lt;KEY&gt; (SPEC §4 order, agent argument aside). */
    static String setting(String key) {
        String v = System.getProperty("egressguard." + key);
        if (v == null || v.isEmpty()) {
            v = System.getenv("EGRESSGUARD_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
        }
        return v == null || v.isEmpty() ? null : v;
    }
}
