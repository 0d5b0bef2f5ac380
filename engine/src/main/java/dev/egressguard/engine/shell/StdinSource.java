package dev.egressguard.engine.shell;

/** Where a command's standard input comes from, as far as the analysis can tell. */
final class StdinSource {
    enum Kind {
        /** From whoever started the command (the JVM at the top level): unknown. */
        INHERITED,
        /** From the previous command of a pipeline. */
        PIPE,
        /** Known text: a heredoc, a here-string, or a literal echo piped in. */
        TEXT,
        /** A file redirected in with {@code <}. */
        FILE
    }

    /** What the command feeding a pipe does, for judging a script piped into a shell. */
    enum Producer { DECODER, DOWNLOADER, OTHER }

    static final StdinSource INHERITED = new StdinSource(Kind.INHERITED, null, null, false, -1, null, null);

    final Kind kind;
    /** TEXT: the text (run-time parts as written); FILE: the path. */
    final String value;
    final String tool;
    final boolean dynamic;
    final int origin;
    final Producer producer;
    /** FILE: the directory a relative path resolves against. */
    final String workingDir;

    private StdinSource(Kind kind, String value, String tool, boolean dynamic, int origin, Producer producer, String workingDir) {
        this.kind = kind;
        this.value = value;
        this.tool = tool;
        this.dynamic = dynamic;
        this.origin = origin;
        this.producer = producer;
        this.workingDir = workingDir;
    }

    static StdinSource pipe(String tool, Producer producer) {
        return new StdinSource(Kind.PIPE, null, tool, false, -1, producer, null);
    }

    static StdinSource text(String text, boolean dynamic, int origin) {
        return new StdinSource(Kind.TEXT, text, null, dynamic, origin, null, null);
    }

    static StdinSource file(String path, boolean dynamic, String workingDir) {
        return new StdinSource(Kind.FILE, path, null, dynamic, -1, null, workingDir);
    }

    /** Input given explicitly by the script (a pipe, a redirection, a heredoc), not inherited. */
    boolean explicit() {
        return kind != Kind.INHERITED;
    }
}
