package dev.egressguard.engine.shell;

/** Data a network tool will send (SPEC §7). */
public final class Payload {
    private final String location;
    private final String text;
    private final boolean credentialSlot;
    private final boolean inspectable;
    private final int argIndex;

    public Payload(String location, String text, boolean credentialSlot, boolean inspectable, int argIndex) {
        this.location = location;
        this.text = text;
        this.credentialSlot = credentialSlot;
        this.inspectable = inspectable;
        this.argIndex = argIndex;
    }

    /** {@code arg:<n>} for inline arguments, {@code file:<path>} for @file / upload files, {@code stdin}. */
    public String location() { return location; }
    /** The payload text (for files, their first maxBodyBytes); null when not inspectable. */
    public String text() { return text; }
    /** A curl -H/-u/-b, wget --header/--user/--password... value. */
    public boolean credentialSlot() { return credentialSlot; }
    /** False for stdin payloads (@-, a pipe into the tool) and unreadable files. */
    public boolean inspectable() { return inspectable; }
    /**
     * Index in the original argv of the argument that holds {@link #text()} verbatim, so that it
     * can be rewritten; -1 when the payload is not an inline argument (a file, stdin).
     */
    public int argIndex() { return argIndex; }
}
