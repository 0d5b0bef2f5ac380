package dev.egressguard.agent.cli;

import java.io.PrintStream;

/** One CLI command (SPEC §10). Returns the exit status: 0 done, 1 tampering found, 2 usage/input error. */
interface CliCommand {
    int run(CliArgs args, PrintStream out, PrintStream err) throws UsageException;
}
