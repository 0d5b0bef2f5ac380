package dev.egressguard.engine.shell;

import java.util.List;

/** One network-tool invocation found in a command line (SPEC §7). */
public final class NetworkInvocation {
    private final String tool;
    private final boolean http;
    private final List<String> destinations;
    private final List<Payload> payloads;
    private final String commandLine;

    public NetworkInvocation(String tool, boolean http, List<String> destinations, List<Payload> payloads, String commandLine) {
        this.tool = tool;
        this.http = http;
        this.destinations = List.copyOf(destinations);
        this.payloads = List.copyOf(payloads);
        this.commandLine = commandLine;
    }

    /** The tool's name: {@code curl}, {@code wget}, {@code nc}, {@code python3}, ... */
    public String tool() { return tool; }
    /** An HTTP tool (MITRE T1567) rather than a raw-network one like nc or scp (T1048). */
    public boolean http() { return http; }
    /**
     * Destination URLs, normalised to {@code scheme://host[:port]/path[?query]}; non-URL tools
     * give {@code <scheme>://host[:port]/} with the tool's scheme ({@code ssh://}, {@code tcp://}).
     */
    public List<String> destinations() { return destinations; }
    public List<Payload> payloads() { return payloads; }
    /** This command alone, as a shell.exec rule sees it (basename of argv[0] and its arguments). */
    public String commandLine() { return commandLine; }
}
