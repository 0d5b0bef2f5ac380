package dev.egressguard.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code java -jar egress-guard-agent.jar <command>} (SPEC §10). */
public final class Cli {
    private static final Map<String, CliCommand> COMMANDS = new LinkedHashMap<>();

    static {
        // register commands here, one line each
        COMMANDS.put("check", new CheckCommand());
        COMMANDS.put("shell-check", new ShellCheckCommand());
        COMMANDS.put("policy", new PolicyCommand());
        COMMANDS.put("endpoints", new EndpointsCommand());
        COMMANDS.put("audit", new AuditCommand());
        COMMANDS.put("incidents", new IncidentsCommand());
        COMMANDS.put("report", new ReportCommand());
    }

    private Cli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.println("usage: java -jar egress-guard-agent.jar <command> [options]");
            out.println("commands: " + String.join(", ", COMMANDS.keySet()));
            return args.length == 0 ? 2 : 0;
        }
        CliCommand command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("egress-guard: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", COMMANDS.keySet()) + ")");
            return 2;
        }
        try {
            return command.run(CliArgs.parse(Arrays.asList(args).subList(1, args.length),
                    java.util.Set.of("json", "html")), out, err);
        } catch (UsageException e) {
            err.println("egress-guard: " + e.getMessage());
            return 2;
        }
    }
}
