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
    /**
     * The payload text (for files, their first maxBodyBytes). Null when nothing of it is known
     * (stdin from a pipe, an unreadable file). A payload with parts produced at run time
     * ({@code -d "id=$(cat f)"}) is not inspectable but keeps its text with those parts as written.
     */
    public String text() { return text; }
    /** A curl -H/-u/-b, wget --header/--user/--password... value. */
    public boolean credentialSlot() { return credentialSlot; }
    /** False for stdin payloads (@-, a pipe into the tool), unreadable files, and values produced at run time. */
    public boolean inspectable() { return inspectable; }
    /**
     * Index in the original argv of the argument that holds {@link #text()} verbatim, so that it
     * can be rewritten by string replacement; -1 when no argument does (a file, stdin, text
     * unescaped or expanded from a script).
     */
    public int argIndex() { return argIndex; }
}
