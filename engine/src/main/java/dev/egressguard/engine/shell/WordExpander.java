package dev.egressguard.engine.shell;

import dev.egressguard.engine.shell.ShellSyntax.Arithmetic;
import dev.egressguard.engine.shell.ShellSyntax.CommandSub;
import dev.egressguard.engine.shell.ShellSyntax.Literal;
import dev.egressguard.engine.shell.ShellSyntax.Param;
import dev.egressguard.engine.shell.ShellSyntax.Part;
import dev.egressguard.engine.shell.ShellSyntax.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a word the way the shell would where the values are known: literal variables and
 * positional parameters, with field splitting of unquoted expansions ({@code ${IFS}} included).
 * What only the running shell knows (command output, unset variables) stays as written and marks
 * the argument dynamic.
 */
final class WordExpander {
    private WordExpander() {}

    static List<Arg> expand(Word word, ShellEnvironment env, int origin) {
        Fields f = new Fields(origin);
        for (Part part : word.parts) {
            if (part instanceof Literal) {
                f.append(((Literal) part).text, part.quoted);
            } else if (part instanceof Param) {
                expandParam((Param) part, env, f);
            } else if (part instanceof CommandSub) {
                f.appendDynamic(((CommandSub) part).source);
            } else if (part instanceof Arithmetic) {
                f.appendDynamic(((Arithmetic) part).source);
            }
        }
        return f.finish();
    }

    /** A word's single value with no field splitting (assignments, here-strings, heredoc bodies). */
    static Arg expandSingle(Word word, ShellEnvironment env, int origin) {
        StringBuilder sb = new StringBuilder();
        boolean dynamic = false;
        for (Part part : word.parts) {
            if (part instanceof Literal) {
                sb.append(((Literal) part).text);
            } else if (part instanceof Param) {
                Param p = (Param) part;
                String v = paramValue(p, env);
                if (v == null) {
                    sb.append(p.source);
                    dynamic = true;
                } else {
                    sb.append(v);
                }
            } else if (part instanceof CommandSub) {
                sb.append(((CommandSub) part).source);
                dynamic = true;
            } else if (part instanceof Arithmetic) {
                sb.append(((Arithmetic) part).source);
                dynamic = true;
            }
        }
        return new Arg(sb.toString(), origin, dynamic);
    }

    static boolean isIfs(Param p) {
        return "IFS".equals(p.name);
    }

    private static String paramValue(Param p, ShellEnvironment env) {
        if (p.name == null) return null;
        if ("@".equals(p.name) || "*".equals(p.name)) {
            return env.hasPositional() ? String.join(" ", env.arguments()) : null;
        }
        if ("#".equals(p.name)) return env.hasPositional() ? String.valueOf(env.arguments().size()) : null;
        String v = env.get(p.name);
        if (v == null && isIfs(p)) v = " \t\n";
        if ((v == null || v.isEmpty()) && p.defaultValue != null) v = p.defaultValue;
        return v;
    }

    private static void expandParam(Param p, ShellEnvironment env, Fields f) {
        if ("@".equals(p.name) && p.quoted && env.hasPositional()) {
            List<String> args = env.arguments();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) f.split();
                f.append(args.get(i), true);
            }
            return;
        }
        String v = paramValue(p, env);
        if (v == null) {
            f.appendDynamic(p.source);
            return;
        }
        if (p.quoted) {
            f.append(v, true);
            return;
        }
        // Unquoted: the value is split into fields on blanks, as the shell's default IFS does.
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                f.split();
                i++;
            } else {
                int j = i;
                while (j < v.length() && " \t\n".indexOf(v.charAt(j)) < 0) j++;
                f.append(v.substring(i, j), false);
                i = j;
            }
        }
    }

    private static final class Fields {
        private final int origin;
        private final List<Arg> out = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean dynamic;
        private boolean started;

        Fields(int origin) { this.origin = origin; }

        void append(String text, boolean quoted) {
            current.append(text);
            if (quoted || !text.isEmpty()) started = true;
        }

        void appendDynamic(String source) {
            current.append(source);
            dynamic = true;
            started = true;
        }

        void split() {
            if (started) out.add(new Arg(current.toString(), origin, dynamic));
            current.setLength(0);
            dynamic = false;
            started = false;
        }

        List<Arg> finish() {
            split();
            return out;
        }
    }
}
