package dev.egressguard.engine.shell;

/** A script the parser cannot read; the analyser reports it as obfuscation, never throws it out. */
final class ShellSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    ShellSyntaxException(String message) {
        super(message, null, false, false);
    }
}
