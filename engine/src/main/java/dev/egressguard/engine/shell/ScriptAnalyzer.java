package dev.egressguard.engine.shell;

import dev.egressguard.engine.shell.ShellSyntax.Assignment;
import dev.egressguard.engine.shell.ShellSyntax.Command;
import dev.egressguard.engine.shell.ShellSyntax.CommandSub;
import dev.egressguard.engine.shell.ShellSyntax.Group;
import dev.egressguard.engine.shell.ShellSyntax.Param;
import dev.egressguard.engine.shell.ShellSyntax.Part;
import dev.egressguard.engine.shell.ShellSyntax.Pipeline;
import dev.egressguard.engine.shell.ShellSyntax.Redirect;
import dev.egressguard.engine.shell.ShellSyntax.Script;
import dev.egressguard.engine.shell.ShellSyntax.SimpleCommand;
import dev.egressguard.engine.shell.ShellSyntax.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a parsed script: tracks literal variables and the working directory, works out each
 * command's standard input, recurses into command substitutions, spots what hides the command
 * being run, and hands each simple command's argv to the dispatcher.
 */
final class ScriptAnalyzer {
    /** Keywords that may precede a command on the same line; the command after them is analysed. */
    private static final Set<String> LEADING_KEYWORDS = Set.of(
            "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "esac");
    /** Keywords whose line is not a command (its substitutions are still analysed). */
    private static final Set<String> NON_COMMANDS = Set.of("for", "select", "case", "function", "in", "[[", "((");
    private static final Set<String> PIPE_WRAPPERS = Set.of("sudo", "nohup", "command", "exec", "time", "env", "doas");

    private final AnalysisContext ctx;
    private final CommandDispatcher dispatcher;

    ScriptAnalyzer(AnalysisContext ctx, CommandDispatcher dispatcher) {
        this.ctx = ctx;
        this.dispatcher = dispatcher;
    }

    /**
     * @param origin  the original argv index the script text came from (-1 for a file's script)
     * @param dynamic the script text has parts known only at run time
     */
    void analyzeText(String text, int origin, boolean dynamic, StdinSource stdin, ShellEnvironment env, int depth) {
        if (depth > AnalysisContext.MAX_NESTING) {
            ctx.obfuscation("commands nested deeper than " + AnalysisContext.MAX_NESTING + " levels");
            return;
        }
        ShellParser.Result r = ShellParser.parse(text);
        if (!r.ok() && !dynamic) ctx.obfuscation("unparseable shell script (" + r.error + ")");
        walk(r.script, origin, stdin, env, depth);
    }

    private void walk(Script script, int origin, StdinSource stdin, ShellEnvironment env, int depth) {
        if (depth > AnalysisContext.MAX_NESTING) {
            ctx.obfuscation("commands nested deeper than " + AnalysisContext.MAX_NESTING + " levels");
            return;
        }
        for (Pipeline p : script.pipelines) {
            Command prev = null;
            for (Command c : p.commands) {
                StdinSource in = prev == null ? stdin : pipeFrom(prev, env, origin);
                if (c instanceof Group) {
                    Group g = (Group) c;
                    redirectSubstitutions(g, origin, env, depth);
                    StdinSource groupIn = redirectStdin(g, env, origin, in);
                    devNetRedirects(g, List.of(), groupIn, env, origin, depth);
                    walk(g.body, origin, groupIn, env, depth + 1);
                } else {
                    simple((SimpleCommand) c, origin, in, env, depth);
                }
                prev = c;
            }
        }
    }

    private void simple(SimpleCommand c, int origin, StdinSource stdin, ShellEnvironment env, int depth) {
        for (Assignment a : c.assignments) {
            if (a.value != null) substitutions(a.value, origin, env, depth);
        }
        for (Word w : c.words) substitutions(w, origin, env, depth);
        redirectSubstitutions(c, origin, env, depth);
        StdinSource in = redirectStdin(c, env, origin, stdin);

        if (c.words.isEmpty()) {
            for (Assignment a : c.assignments) assign(env, a, origin);
            devNetRedirects(c, List.of(), in, env, origin, depth);
            return;
        }
        int k = 0;
        while (k < c.words.size() && isKeyword(c.words.get(k), LEADING_KEYWORDS)) k++;
        if (k == c.words.size() || isKeyword(c.words.get(k), NON_COMMANDS)) {
            devNetRedirects(c, List.of(), in, env, origin, depth);
            return;
        }

        Word commandWord = c.words.get(k);
        if (commandWord.hasCommandSubstitution()) {
            ctx.obfuscation("command substitution used as the command name");
        } else if (hasNonIfsParameter(commandWord)) {
            ctx.obfuscation("variable used as the command name");
        }
        List<Arg> args = new ArrayList<>();
        for (int j = k; j < c.words.size(); j++) args.addAll(WordExpander.expand(c.words.get(j), env, origin));
        devNetRedirects(c, args, in, env, origin, depth);
        if (args.isEmpty()) return;

        ShellEnvironment child = env;
        if (!c.assignments.isEmpty()) {
            child = env.copy();
            for (Assignment a : c.assignments) assign(child, a, origin);
        }
        builtin(args, env);
        dispatcher.analyze(args, in, child, depth, null);
    }

    private static final Pattern DEV_NET = Pattern.compile("/dev/(tcp|udp)/([^/\\s]+)/([0-9]+|[A-Za-z-]+)");

    /** bash opens a socket for a redirection to /dev/tcp/host/port: data leaves without any tool (T1048). */
    private void devNetRedirects(Command c, List<Arg> args, StdinSource stdin, ShellEnvironment env, int origin, int depth) {
        for (Redirect r : c.redirects) {
            if (r.isHereDoc() || r.op.equals("<<<")) continue;
            Arg target = WordExpander.expandSingle(r.target, env, origin);
            Matcher m = DEV_NET.matcher(target.text);
            if (!m.matches()) continue;
            List<Arg> callArgs = args.isEmpty() ? List.of(target) : args;
            String line = args.isEmpty() ? r.op + target.text : CommandDispatcher.render(args) + " " + r.op + target.text;
            ToolCall call = new ToolCall("/dev/" + m.group(1), callArgs, stdin, env, ctx, depth, line);
            call.host(m.group(1), m.group(2), m.group(3));
            if (!r.op.equals("<")) sentData(call, args);
            call.finish(false);
        }
    }

    /** What a command writes into a redirection: files it cats, text it echoes, else unknown. */
    private static void sentData(ToolCall call, List<Arg> args) {
        String tool = args.isEmpty() ? "" : Producers.toolName(args.get(0).text);
        boolean any = false;
        if (tool.equals("cat")) {
            for (int i = 1; i < args.size(); i++) {
                if (args.get(i).text.startsWith("-") && args.get(i).text.length() > 1) continue;
                call.file(args.get(i), args.get(i).text, false);
                any = true;
            }
            if (!any) call.stdin(false);
            return;
        }
        if (tool.equals("echo") || tool.equals("printf")) {
            for (int i = 1; i < args.size(); i++) call.inline(args.get(i), args.get(i).text, false);
            return;
        }
        call.payload(new Payload("stdin", null, false, false, -1));
    }

    /** Builtins that change what later commands of the script see. */
    private static void builtin(List<Arg> args, ShellEnvironment env) {
        String name = args.get(0).text;
        switch (name) {
            case "cd":
                if (args.size() > 1 && !args.get(1).dynamic && !args.get(1).text.equals("-")) {
                    env.setWorkingDir(AnalysisContext.resolveDir(args.get(1).text, env.workingDir()));
                } else if (args.size() == 1) {
                    env.setWorkingDir(System.getProperty("user.home"));
                }
                break;
            case "export": case "declare": case "typeset": case "local": case "readonly":
                for (int i = 1; i < args.size(); i++) {
                    String t = args.get(i).text;
                    int eq = t.indexOf('=');
                    if (eq > 0 && ShellParser.isName(t.substring(0, eq))) {
                        env.set(t.substring(0, eq), args.get(i).dynamic ? null : t.substring(eq + 1));
                    }
                }
                break;
            case "unset": case "read":
                for (int i = 1; i < args.size(); i++) {
                    if (ShellParser.isName(args.get(i).text)) env.set(args.get(i).text, null);
                }
                break;
            default:
        }
    }

    private static void assign(ShellEnvironment env, Assignment a, int origin) {
        if (a.value == null) {
            env.set(a.name, null);
            return;
        }
        Arg v = WordExpander.expandSingle(a.value, env, origin);
        env.set(a.name, v.dynamic ? null : v.text);
    }

    private static boolean isKeyword(Word w, Set<String> keywords) {
        String lit = w.literal();
        return lit != null && !w.isQuotedAnywhere() && keywords.contains(lit);
    }

    private static boolean hasNonIfsParameter(Word w) {
        for (Part p : w.parts) {
            if (p instanceof Param && !WordExpander.isIfs((Param) p)) return true;
        }
        return false;
    }

    /** Command substitutions run too: analyse them; and flag ${IFS} used to hide word boundaries. */
    private void substitutions(Word w, int origin, ShellEnvironment env, int depth) {
        for (Part p : w.parts) {
            if (p instanceof CommandSub) {
                walk(((CommandSub) p).script, origin, StdinSource.INHERITED, env.copy(), depth + 1);
            } else if (p instanceof Param && WordExpander.isIfs((Param) p) && !p.quoted) {
                ctx.obfuscation("${IFS} used to hide word boundaries");
            }
        }
    }

    private void redirectSubstitutions(Command c, int origin, ShellEnvironment env, int depth) {
        for (Redirect r : c.redirects) {
            substitutions(r.target, origin, env, depth);
            if (r.hereDoc != null) substitutions(r.hereDoc, origin, env, depth);
        }
    }

    private static StdinSource redirectStdin(Command c, ShellEnvironment env, int origin, StdinSource current) {
        StdinSource in = current;
        for (Redirect r : c.redirects) {
            switch (r.op) {
                case "<": {
                    Arg t = WordExpander.expandSingle(r.target, env, origin);
                    if (!AnalysisContext.isStdinPath(t.text)) in = StdinSource.file(t.text, t.dynamic, env.workingDir());
                    break;
                }
                case "<<": case "<<-": {
                    if (r.hereDoc == null) break;
                    Arg body = WordExpander.expandSingle(r.hereDoc, env, origin);
                    in = StdinSource.text(body.text, body.dynamic, origin);
                    break;
                }
                case "<<<": {
                    Arg v = WordExpander.expandSingle(r.target, env, origin);
                    in = StdinSource.text(v.text + "\n", v.dynamic, origin);
                    break;
                }
                default:
            }
        }
        return in;
    }

    /** What the previous command of a pipeline writes into the next one. */
    private static StdinSource pipeFrom(Command prev, ShellEnvironment env, int origin) {
        if (!(prev instanceof SimpleCommand)) return StdinSource.pipe("a subshell", StdinSource.Producer.OTHER);
        SimpleCommand c = (SimpleCommand) prev;
        List<Arg> args = new ArrayList<>();
        for (Word w : c.words) args.addAll(WordExpander.expand(w, env, origin));
        while (!args.isEmpty() && (PIPE_WRAPPERS.contains(args.get(0).text) || args.get(0).text.indexOf('=') > 0
                || LEADING_KEYWORDS.contains(args.get(0).text))) {
            args.remove(0);
        }
        if (args.isEmpty()) return StdinSource.pipe("a command", StdinSource.Producer.OTHER);
        String tool = Producers.toolName(args.get(0).text);
        if (tool.equals("echo")) {
            int i = 1;
            boolean newline = true;
            while (i < args.size() && args.get(i).text.matches("-[neE]+")) {
                if (args.get(i).text.contains("n")) newline = false;
                i++;
            }
            StringBuilder sb = new StringBuilder();
            boolean dynamic = false;
            for (int j = i; j < args.size(); j++) {
                if (j > i) sb.append(' ');
                sb.append(args.get(j).text);
                dynamic |= args.get(j).dynamic;
            }
            if (newline) sb.append('\n');
            return StdinSource.text(sb.toString(), dynamic, origin);
        }
        if (tool.equals("printf") && args.size() == 2 && args.get(1).text.indexOf('%') < 0 && args.get(1).text.indexOf('\\') < 0) {
            return StdinSource.text(args.get(1).text, args.get(1).dynamic, origin);
        }
        if (tool.equals("cat") && args.size() == 1) {
            StdinSource own = redirectStdin(c, env, origin, null);
            if (own != null && own.kind == StdinSource.Kind.TEXT) return own;
        }
        return StdinSource.pipe(tool, Producers.classify(tool, args));
    }
}
