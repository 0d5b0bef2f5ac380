package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises one command's argv: unwraps wrappers, hands shell scripts to the script analyser,
 * and network tools to their parsers (SPEC §7).
 */
final class CommandDispatcher {
    private final AnalysisContext ctx;
    private final ScriptAnalyzer scripts;

    CommandDispatcher(AnalysisContext ctx) {
        this.ctx = ctx;
        this.scripts = new ScriptAnalyzer(ctx, this);
    }

    ScriptAnalyzer scripts() {
        return scripts;
    }

    static String render(List<Arg> args) {
        StringBuilder sb = new StringBuilder(Producers.baseName(args.get(0).text));
        for (int i = 1; i < args.size(); i++) sb.append(' ').append(args.get(i).text);
        return sb.toString();
    }

    /**
     * @param argsFrom where a wrapper such as xargs reads more arguments from; null if none
     */
    void analyze(List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth, StdinSource argsFrom) {
        if (args.isEmpty() || !ctx.step(depth)) return;
        String line = render(args);
        ctx.commandLines.add(line);
        String name = Producers.toolName(args.get(0).text);
        if (unwrap(name, args, stdin, env, depth)) return;
        if (Producers.SHELLS.contains(name)) {
            shell(name, args, stdin, env, depth);
            return;
        }
        ToolCall call = new ToolCall(name, args, stdin, env, ctx, depth, line);
        switch (name) {
            case "curl":
                CurlParser.parse(call);
                break;
            case "wget": case "wget2":
                WgetParser.parse(call);
                break;
            case "nc": case "ncat": case "netcat": case "nc.openbsd": case "nc.traditional":
                SocketToolParsers.nc(call);
                break;
            case "socat":
                SocketToolParsers.socat(call);
                break;
            case "telnet":
                SocketToolParsers.telnet(call);
                break;
            case "openssl":
                if (args.size() < 2 || !args.get(1).text.equals("s_client")) return;
                SocketToolParsers.opensslClient(call);
                break;
            case "ssh":
                RemoteShellParsers.ssh(call);
                break;
            case "scp":
                RemoteShellParsers.scp(call);
                break;
            case "sftp":
                RemoteShellParsers.sftp(call);
                break;
            case "rsync":
                RemoteShellParsers.rsync(call);
                break;
            case "ftp":
                FileTransferParsers.ftp(call);
                break;
            case "tftp":
                FileTransferParsers.tftp(call);
                break;
            case "aria2c":
                FileTransferParsers.aria2c(call);
                break;
            case "http": case "https":
                HttpieParser.parse(call);
                break;
            case "eval":
                eval(args, stdin, env, depth);
                return;
            case "source": case ".":
                source(name, args, stdin, env, depth);
                return;
            case "cmd":
                CmdScript.analyze(args, stdin, env, depth, this);
                return;
            case "powershell": case "pwsh":
                PowerShellAnalyzer.analyzeHost(call, this);
                return;
            default:
                if (PowerShellAnalyzer.isWebCmdlet(name)) {
                    PowerShellAnalyzer.cmdlet(call, args);
                } else if (InterpreterParser.isInterpreter(name)) {
                    InterpreterParser.parse(call, this);
                }
                return;
        }
        if (argsFrom != null) {
            // The rest of this command's arguments (URLs, data) come from the wrapper's input.
            addArgsFromInput(argsFrom);
        }
    }

    private void addArgsFromInput(StdinSource argsFrom) {
        if (ctx.invocations.isEmpty()) return;
        int last = ctx.invocations.size() - 1;
        NetworkInvocation inv = ctx.invocations.get(last);
        List<Payload> payloads = new ArrayList<>(inv.payloads());
        payloads.add(ctx.stdin(argsFrom, false));
        List<String> destinations = new ArrayList<>(inv.destinations());
        if (argsFrom.kind == StdinSource.Kind.TEXT && !argsFrom.dynamic) {
            for (String word : argsFrom.value.split("\\s+")) {
                if (Urls.hasScheme(word)) {
                    String u = Urls.normalize(word, "http");
                    if (u != null && !destinations.contains(u)) destinations.add(u);
                }
            }
        }
        ctx.invocations.set(last, new NetworkInvocation(inv.tool(), inv.http(), destinations, payloads, inv.commandLine()));
    }

    // ---- wrappers

    private static final Set<String> SIMPLE_PREFIXES = Set.of("nohup", "unbuffer", "builtin", "nocorrect", "noglob", "coproc");

    /** @return true when the command was a wrapper (and its inner command has been analysed) */
    private boolean unwrap(String name, List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth) {
        int n = args.size();
        int i;
        ShellEnvironment childEnv = env;
        StdinSource argsFrom = null;
        if (SIMPLE_PREFIXES.contains(name)) {
            i = 1;
        } else {
            switch (name) {
                case "env": {
                    childEnv = env.copy();
                    i = 1;
                    while (i < n) {
                        String t = args.get(i).text;
                        if (t.equals("--")) { i++; break; }
                        if (t.equals("-S") || t.startsWith("--split-string")) {
                            String s = t.startsWith("--split-string=") ? t.substring(15) : (i + 1 < n ? args.get(++i).text : "");
                            StringBuilder script = new StringBuilder(s);
                            for (int j = i + 1; j < n; j++) script.append(' ').append(ShellQuoting.quote(args.get(j).text));
                            scripts.analyzeText(script.toString(), args.get(i).origin, args.get(i).dynamic, stdin, childEnv, depth + 1);
                            return true;
                        }
                        if (t.equals("-u") || t.equals("-C") || t.equals("--unset") || t.equals("--chdir")) {
                            if (t.equals("-C") || t.equals("--chdir")) {
                                if (i + 1 < n) childEnv.setWorkingDir(AnalysisContext.resolveDir(args.get(i + 1).text, env.workingDir()));
                            } else if (i + 1 < n) {
                                childEnv.set(args.get(i + 1).text, null);
                            }
                            i += 2;
                            continue;
                        }
                        if (t.startsWith("-")) { i++; continue; }
                        int eq = t.indexOf('=');
                        if (eq > 0) {
                            childEnv.set(t.substring(0, eq), args.get(i).dynamic ? null : t.substring(eq + 1));
                            i++;
                            continue;
                        }
                        break;
                    }
                    break;
                }
                case "timeout":
                    i = skipOptions(args, 1, Set.of("-s", "-k", "--signal", "--kill-after"));
                    i++; // the duration
                    break;
                case "nice":
                    i = 1;
                    while (i < n) {
                        String t = args.get(i).text;
                        if (t.equals("-n") || t.equals("--adjustment")) { i += 2; continue; }
                        if (t.startsWith("-") && t.length() > 1) { i++; continue; }
                        break;
                    }
                    break;
                case "stdbuf":
                    i = skipOptions(args, 1, Set.of("-i", "-o", "-e", "--input", "--output", "--error"));
                    break;
                case "sudo":
                    i = sudoCommandStart(args);
                    childEnv = env.copy();
                    while (i < n && args.get(i).text.indexOf('=') > 0 && ShellParser.isName(args.get(i).text.substring(0, args.get(i).text.indexOf('=')))) {
                        String t = args.get(i).text;
                        childEnv.set(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
                        i++;
                    }
                    break;
                case "doas":
                    i = skipClusters(args, 1, "uC");
                    break;
                case "xargs":
                    i = xargsCommandStart(args);
                    argsFrom = stdin;
                    for (int j = 1; j < i; j++) {
                        String t = args.get(j).text;
                        if ((t.equals("-a") || t.equals("--arg-file")) && j + 1 < i) {
                            argsFrom = StdinSource.file(args.get(j + 1).text, args.get(j + 1).dynamic, env.workingDir());
                        } else if (t.startsWith("--arg-file=")) {
                            argsFrom = StdinSource.file(t.substring(11), args.get(j).dynamic, env.workingDir());
                        }
                    }
                    if (i >= n) return true; // xargs alone runs echo
                    analyze(args.subList(i, n), StdinSource.INHERITED, env, depth + 1, argsFrom);
                    return true;
                case "busybox":
                    if (n < 2 || args.get(1).text.startsWith("-")) return true;
                    i = 1;
                    break;
                case "command":
                    i = 1;
                    while (i < n && args.get(i).text.startsWith("-") && args.get(i).text.length() > 1) {
                        String t = args.get(i).text;
                        if (t.equals("--")) { i++; break; }
                        if (t.contains("v") || t.contains("V")) return true; // lookup only
                        i++;
                    }
                    break;
                case "exec":
                    i = skipOptions(args, 1, Set.of("-a"));
                    break;
                case "time":
                    i = skipOptions(args, 1, Set.of("-f", "-o", "--format", "--output"));
                    break;
                case "setsid":
                    i = skipOptions(args, 1, Set.of());
                    break;
                case "su": case "script":
                    commandOption(args, stdin, env, depth);
                    return true;
                case "runuser":
                    if (commandOption(args, stdin, env, depth)) return true;
                    i = skipOptions(args, 1, Set.of("-u", "-g", "-G", "--user", "--group", "--supp-group"));
                    break;
                case "flock":
                    if (commandOption(args, stdin, env, depth)) return true;
                    i = skipOptions(args, 1, Set.of("-w", "-E", "--timeout", "--conflict-exit-code")) + 1;
                    break;
                case "start":
                    // Windows start: /b /min /wait ... options, then the command.
                    i = 1;
                    while (i < n && args.get(i).text.startsWith("/")) i++;
                    break;
                case "chroot":
                    i = skipOptions(args, 1, Set.of()) + 1;
                    break;
                case "watch":
                    watch(args, stdin, env, depth);
                    return true;
                case "find":
                    findExec(args, env, depth);
                    return true;
                default:
                    return false;
            }
        }
        if (i < n) analyze(args.subList(i, n), stdin, childEnv, depth + 1, argsFrom);
        return true;
    }

    /** {@code su -c CMD}, {@code script -c CMD}, {@code flock f -c CMD}: CMD is a shell script. */
    private boolean commandOption(List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth) {
        for (int i = 1; i < args.size(); i++) {
            String t = args.get(i).text;
            Arg script = null;
            if ((t.equals("-c") || t.equals("--command")) && i + 1 < args.size()) script = args.get(i + 1);
            else if (t.startsWith("--command=")) script = new Arg(t.substring(10), args.get(i).origin, args.get(i).dynamic);
            if (script != null) {
                if (script.dynamic) ctx.obfuscation(Producers.toolName(args.get(0).text) + " -c runs a script produced at run time");
                scripts.analyzeText(script.text, script.origin, script.dynamic, stdin, env, depth + 1);
                return true;
            }
        }
        return false;
    }

    /** {@code watch [options] command...}: the words are joined and run by sh -c, unless -x. */
    private void watch(List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth) {
        boolean exec = false;
        int i = 1;
        while (i < args.size()) {
            String t = args.get(i).text;
            if (t.equals("--")) { i++; break; }
            if (!t.startsWith("-") || t.length() < 2) break;
            if (t.equals("-x") || t.equals("--exec")) exec = true;
            i += (t.equals("-n") || t.equals("--interval") || t.equals("-q") || t.equals("--equexit")) ? 2 : 1;
        }
        if (i >= args.size()) return;
        if (exec) {
            analyze(args.subList(i, args.size()), stdin, env, depth + 1, null);
            return;
        }
        StringBuilder script = new StringBuilder();
        boolean dynamic = false;
        for (int j = i; j < args.size(); j++) {
            if (j > i) script.append(' ');
            script.append(args.get(j).text);
            dynamic |= args.get(j).dynamic;
        }
        scripts.analyzeText(script.toString(), args.get(i).origin, dynamic, stdin, env, depth + 1);
    }

    /** {@code find ... -exec cmd {} ;}: each -exec/-execdir/-ok command is run. */
    private void findExec(List<Arg> args, ShellEnvironment env, int depth) {
        for (int i = 1; i < args.size(); i++) {
            String t = args.get(i).text;
            if (!(t.equals("-exec") || t.equals("-execdir") || t.equals("-ok") || t.equals("-okdir"))) continue;
            int end = i + 1;
            while (end < args.size() && !args.get(end).text.equals(";") && !args.get(end).text.equals("+")) end++;
            if (end > i + 1) analyze(args.subList(i + 1, end), StdinSource.INHERITED, env, depth + 1, null);
            i = end;
        }
    }

    /** Skips options (those in {@code withValue} take the next argument unless given as --opt=value). */
    private static int skipOptions(List<Arg> args, int from, Set<String> withValue) {
        int i = from;
        while (i < args.size()) {
            String t = args.get(i).text;
            if (t.equals("--")) return i + 1;
            if (!t.startsWith("-") || t.length() < 2) return i;
            if (withValue.contains(t)) i += 2;
            else i++;
        }
        return i;
    }

    /** Skips short-option clusters where the letters in {@code withValue} take a value. */
    private static int skipClusters(List<Arg> args, int from, String withValue) {
        int i = from;
        while (i < args.size()) {
            String t = args.get(i).text;
            if (t.equals("--")) return i + 1;
            if (!t.startsWith("-") || t.length() < 2) return i;
            i++;
            if (t.startsWith("--")) {
                continue;
            }
            for (int j = 1; j < t.length(); j++) {
                if (withValue.indexOf(t.charAt(j)) >= 0) {
                    if (j == t.length() - 1) i++;
                    break;
                }
            }
        }
        return i;
    }

    private static final Set<String> SUDO_LONG_WITH_VALUE = Set.of(
            "--user", "--group", "--host", "--close-from", "--prompt", "--role", "--type", "--other-user",
            "--chdir", "--chroot", "--command-timeout", "--login-class");

    private static int sudoCommandStart(List<Arg> args) {
        int i = 1;
        while (i < args.size()) {
            String t = args.get(i).text;
            if (t.equals("--")) return i + 1;
            if (!t.startsWith("-") || t.length() < 2) return i;
            if (t.startsWith("--")) {
                i += SUDO_LONG_WITH_VALUE.contains(t) ? 2 : 1;
                continue;
            }
            i++;
            for (int j = 1; j < t.length(); j++) {
                if ("ugCprtUDRTch".indexOf(t.charAt(j)) >= 0) {
                    if (j == t.length() - 1) i++;
                    break;
                }
            }
        }
        return i;
    }

    private static int xargsCommandStart(List<Arg> args) {
        int i = 1;
        while (i < args.size()) {
            String t = args.get(i).text;
            if (t.equals("--")) return i + 1;
            if (!t.startsWith("-") || t.length() < 2) return i;
            if (t.startsWith("--")) {
                boolean hasValue = t.indexOf('=') < 0 && Set.of("--arg-file", "--delimiter", "--max-args", "--max-procs",
                        "--max-chars", "--max-lines", "--replace", "--eof", "--process-slot-var").contains(t);
                i += hasValue ? 2 : 1;
                continue;
            }
            char c = t.charAt(1);
            // -I, -L, -n, -P, -s, -d, -E, -a take a value; -i, -l, -e take one only when attached.
            if ("ILnPsdEa".indexOf(c) >= 0 && t.length() == 2) i += 2;
            else i++;
        }
        return i;
    }

    // ---- shells, eval, source

    private void shell(String name, List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth) {
        int n = args.size();
        int i = 1;
        boolean command = false;
        boolean readsStdin = false;
        while (i < n) {
            String t = args.get(i).text;
            if (t.equals("--") || t.equals("-")) { i++; break; }
            if (t.startsWith("--")) {
                i += (t.equals("--rcfile") || t.equals("--init-file")) ? 2 : 1;
                continue;
            }
            if ((t.startsWith("-") || t.startsWith("+")) && t.length() > 1) {
                i++;
                for (int j = 1; j < t.length(); j++) {
                    char c = t.charAt(j);
                    if (c == 'c') command = true;
                    else if (c == 's') readsStdin = true;
                    else if (c == 'o' || c == 'O') i++;
                }
                continue;
            }
            break;
        }
        if (command) {
            if (i >= n) return;
            Arg script = args.get(i);
            List<String> positional = new ArrayList<>();
            for (int j = i + 1; j < n; j++) positional.add(args.get(j).text);
            if (script.dynamic) ctx.obfuscation(name + " -c runs a script produced at run time");
            scripts.analyzeText(script.text, script.origin, script.dynamic, stdin, env.forChildShell(positional), depth + 1);
            return;
        }
        if (i < n && !readsStdin) {
            // A script file is not read; one produced at run time (bash <(curl ...)) hides what runs.
            if (args.get(i).dynamic) ctx.obfuscation(name + " runs a script produced at run time");
            return;
        }
        scriptFromStdin(name, stdin, env, depth);
    }

    /** A shell or interpreter that reads its program from standard input. */
    void scriptFromStdin(String name, StdinSource stdin, ShellEnvironment env, int depth) {
        switch (stdin.kind) {
            case TEXT:
                if (stdin.dynamic) ctx.obfuscation("script with run-time parts fed to " + name);
                if (Producers.SHELLS.contains(name)) {
                    scripts.analyzeText(stdin.value, stdin.origin, stdin.dynamic, StdinSource.INHERITED, env.forChildShell(List.of(name)), depth + 1);
                }
                return;
            case PIPE:
                if (stdin.producer == StdinSource.Producer.DECODER) {
                    ctx.obfuscation("decoded script (" + stdin.tool + ") piped into " + name);
                } else if (stdin.producer == StdinSource.Producer.DOWNLOADER) {
                    ctx.obfuscation("downloaded script (" + stdin.tool + ") piped into " + name);
                } else {
                    ctx.obfuscation("script produced by " + stdin.tool + " piped into " + name);
                }
                return;
            case FILE: {
                String text = stdin.dynamic ? null : ctx.readFile(stdin.value, stdin.workingDir);
                if (text == null) {
                    ctx.obfuscation(name + " runs a script from an unreadable file");
                } else if (Producers.SHELLS.contains(name)) {
                    scripts.analyzeText(text, -1, false, StdinSource.INHERITED, env.forChildShell(List.of(name)), depth + 1);
                }
                return;
            }
            default:
                ctx.obfuscation(name + " reads its script from standard input");
        }
    }

    private void eval(List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth) {
        ctx.obfuscation("eval runs a string as a command");
        if (args.size() < 2) return;
        StringBuilder text = new StringBuilder();
        boolean dynamic = false;
        for (int i = 1; i < args.size(); i++) {
            if (i > 1) text.append(' ');
            text.append(args.get(i).text);
            dynamic |= args.get(i).dynamic;
        }
        scripts.analyzeText(text.toString(), args.get(1).origin, dynamic, stdin, env, depth + 1);
    }

    private void source(String name, List<Arg> args, StdinSource stdin, ShellEnvironment env, int depth) {
        if (args.size() < 2) return;
        Arg file = args.get(1);
        if (file.dynamic) {
            ctx.obfuscation(name + " runs the output of a command or a run-time path");
        } else if (AnalysisContext.isStdinPath(file.text)) {
            scriptFromStdin(name, stdin, env, depth);
        } else {
            String text = ctx.readFile(file.text, env.workingDir());
            if (text != null) scripts.analyzeText(text, -1, false, stdin, env, depth + 1);
        }
    }
}
