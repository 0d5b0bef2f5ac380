package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a script knows while it runs: literal variables, positional parameters, the working directory. */
final class ShellEnvironment {
    private final Map<String, String> vars;
    private final List<String> positional;
    private String workingDir;

    ShellEnvironment(String workingDir) {
        this(new HashMap<>(), new ArrayList<>(), workingDir);
    }

    private ShellEnvironment(Map<String, String> vars, List<String> positional, String workingDir) {
        this.vars = vars;
        this.positional = positional;
        this.workingDir = workingDir;
    }

    /** A copy for a subshell or a child process: changes in it do not flow back. */
    ShellEnvironment copy() {
        return new ShellEnvironment(new HashMap<>(vars), new ArrayList<>(positional), workingDir);
    }

    /** A child shell's environment: the exported variables carry over, positional parameters start anew. */
    ShellEnvironment forChildShell(List<String> newPositional) {
        return new ShellEnvironment(new HashMap<>(vars), new ArrayList<>(newPositional), workingDir);
    }

    /** The literal value, or null when it is unknown (never assigned here, or assigned at run time). */
    String get(String name) {
        if (name == null) return null;
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            int i = Integer.parseInt(name.length() > 6 ? "999999" : name);
            return i < positional.size() ? positional.get(i) : null;
        }
        return vars.get(name);
    }

    void set(String name, String value) {
        if (value == null) vars.remove(name);
        else vars.put(name, value);
    }

    /** $1 and on. */
    List<String> arguments() {
        return positional.size() <= 1 ? List.of() : positional.subList(1, positional.size());
    }

    boolean hasPositional() {
        return !positional.isEmpty();
    }

    String workingDir() { return workingDir; }

    void setWorkingDir(String dir) { this.workingDir = dir; }
}
