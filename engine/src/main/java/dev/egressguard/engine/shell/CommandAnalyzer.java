package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell command analysis (SPEC §7): which network tools a command line runs, where they go,
 * what they send, and whether it hides what it runs. Thread-safe (each call has its own state).
 * Never throws on odd input: what cannot be read is reported as obfuscation. CONTRACT (owned by
 * the shell helper).
 */
public final class CommandAnalyzer {
    private final long maxFileBytes;

    /** @param maxFileBytes how much of an @file / upload file is read for inspection */
    public CommandAnalyzer(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** @param workingDir where relative @file paths resolve; null for the current directory */
    public CommandAnalysis analyze(List<String> argv, String workingDir) {
        List<String> safeArgv = new ArrayList<>();
        if (argv != null) {
            for (String a : argv) safeArgv.add(a == null ? "" : a);
        }
        if (safeArgv.isEmpty()) return new CommandAnalysis("", List.of(), List.of(), List.of());
        String commandLine = commandLine(safeArgv);
        AnalysisContext ctx = new AnalysisContext(safeArgv, maxFileBytes);
        ctx.commandLines.add(commandLine);
        List<Arg> args = new ArrayList<>();
        for (int i = 0; i < safeArgv.size(); i++) args.add(Arg.literal(safeArgv.get(i), i));
        try {
            new CommandDispatcher(ctx).analyze(args, StdinSource.INHERITED, new ShellEnvironment(workingDir), 0, null);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological input must not let a command through unexamined and unflagged.
            ctx.obfuscation("command could not be analysed (" + e.getClass().getSimpleName() + ")");
        }
        return new CommandAnalysis(commandLine, new ArrayList<>(ctx.commandLines), ctx.invocations, new ArrayList<>(ctx.obfuscations));
    }

    /**
     * The command line of SPEC §5.2: basename of argv[0] (without a Windows {@code .exe}, so that
     * {@code curl *} matches {@code C:\...\curl.exe}), then the arguments joined with single spaces.
     */
    public static String commandLine(List<String> argv) {
        if (argv.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(Producers.baseName(argv.get(0)));
        for (int i = 1; i < argv.size(); i++) sb.append(' ').append(argv.get(i));
        return sb.toString();
    }
}
