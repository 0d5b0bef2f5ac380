package dev.egressguard.engine.shell;

import java.util.List;

/** What a command line will do on the network (SPEC §7). */
public final class CommandAnalysis {
    private final String commandLine;
    private final List<String> commandLines;
    private final List<NetworkInvocation> invocations;
    private final List<String> obfuscations;

    public CommandAnalysis(String commandLine, List<String> commandLines,
                           List<NetworkInvocation> invocations, List<String> obfuscations) {
        this.commandLine = commandLine;
        this.commandLines = List.copyOf(commandLines);
        this.invocations = List.copyOf(invocations);
        this.obfuscations = List.copyOf(obfuscations);
    }

    /** The whole command line: basename of argv[0], then the arguments joined with single spaces. */
    public String commandLine() { return commandLine; }
    /**
     * The whole line first, then each command it runs, rendered the same way: the commands a shell
     * script contains ({@code sh -c "cd /tmp && curl x"} gives {@code curl x}) and the command a
     * wrapper runs ({@code sudo wget x} gives {@code wget x}), for shell.exec rules.
     */
    public List<String> commandLines() { return commandLines; }
    public List<NetworkInvocation> invocations() { return invocations; }
    /** Why the command hides what it runs (command substitution as command, eval, ...); empty if it does not. */
    public List<String> obfuscations() { return obfuscations; }

    public boolean isNetwork() { return !invocations.isEmpty(); }
    public boolean isObfuscated() { return !obfuscations.isEmpty(); }
}
