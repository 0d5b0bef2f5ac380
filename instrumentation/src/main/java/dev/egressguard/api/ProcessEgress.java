package dev.egressguard.api;

/** A child process about to start. */
public final class ProcessEgress extends Egress {
    private final String[] command;
    private final String directory;
    private String[] replacementCommand;

    public ProcessEgress(String channel, String[] command, String directory) {
        super(channel);
        this.command = command;
        this.directory = directory;
    }

    public String[] command() { return command.clone(); }
    /** The working directory, or null for the JVM's own. */
    public String directory() { return directory; }

    /** Set by the handler when the decision is a redact: the arguments to run instead. */
    public void replaceCommand(String[] newCommand) { this.replacementCommand = newCommand.clone(); }

    /** The command to run instead, or null to run it unchanged. */
    public String[] replacementCommand() { return replacementCommand == null ? null : replacementCommand.clone(); }
}
