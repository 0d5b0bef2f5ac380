package dev.egressguard.engine.shell;

import java.util.ArrayList;
import java.util.List;

/** The syntax tree of a POSIX sh script, as {@link ShellParser} builds it. */
final class ShellSyntax {
    private ShellSyntax() {}

    /** A list of pipelines run one after another (the and-or operators do not matter for analysis). */
    static final class Script {
        final List<Pipeline> pipelines = new ArrayList<>();
    }

    static final class Pipeline {
        final List<Command> commands = new ArrayList<>();
    }

    abstract static class Command {
        final List<Redirect> redirects = new ArrayList<>();
    }

    static final class SimpleCommand extends Command {
        final List<Assignment> assignments = new ArrayList<>();
        final List<Word> words = new ArrayList<>();
    }

    /** A subshell {@code ( ... )}, a brace group {@code { ...; }}, a function body or a case branch list. */
    static final class Group extends Command {
        final Script body;
        Group(Script body) { this.body = body; }
    }

    static final class Assignment {
        final String name;
        /** Null for an array assignment {@code a=(...)}, whose value is not tracked. */
        final Word value;
        Assignment(String name, Word value) { this.name = name; this.value = value; }
    }

    static final class Redirect {
        final String op;      // < > >> >| <> <& >& &> &>> << <<- <<<
        final Word target;    // the file, fd, here-string or heredoc delimiter
        Word hereDoc;         // the heredoc body, filled in when its line is read
        Redirect(String op, Word target) { this.op = op; this.target = target; }
        boolean isHereDoc() { return op.startsWith("<<") && !op.equals("<<<"); }
    }

    /** A shell word: literal, quoted and expanded parts that make one argument before field splitting. */
    static final class Word {
        final List<Part> parts = new ArrayList<>();
        /** The word as written, for rendering parts that are only known at run time. */
        String source = "";

        boolean hasCommandSubstitution() {
            for (Part p : parts) {
                if (p instanceof CommandSub) return true;
            }
            return false;
        }

        boolean hasParameter() {
            for (Part p : parts) {
                if (p instanceof Param) return true;
            }
            return false;
        }

        /** The literal value when the word has no expansion at all; null otherwise. */
        String literal() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Literal)) return null;
                sb.append(((Literal) p).text);
            }
            return sb.toString();
        }

        boolean isQuotedAnywhere() {
            for (Part p : parts) {
                if (p.quoted) return true;
            }
            return false;
        }
    }

    abstract static class Part {
        final boolean quoted;
        Part(boolean quoted) { this.quoted = quoted; }
    }

    static final class Literal extends Part {
        final String text;
        Literal(String text, boolean quoted) { super(quoted); this.text = text; }
    }

    /** {@code $NAME}, {@code ${NAME...}}, {@code $1}, {@code $@}... */
    static final class Param extends Part {
        final String name;
        final String source;
        /** The default of {@code ${NAME:-word}} / {@code ${NAME-word}}, literal part only; null if none. */
        final String defaultValue;
        Param(String name, String source, String defaultValue, boolean quoted) {
            super(quoted);
            this.name = name;
            this.source = source;
            this.defaultValue = defaultValue;
        }
    }

    /** {@code $(...)}, backticks, {@code <(...)}, {@code >(...)}: output known only at run time. */
    static final class CommandSub extends Part {
        final Script script;
        final String source;
        final boolean processSubstitution;
        CommandSub(Script script, String source, boolean processSubstitution, boolean quoted) {
            super(quoted);
            this.script = script;
            this.source = source;
            this.processSubstitution = processSubstitution;
        }
    }

    /** {@code $((...))}: arithmetic, known only at run time but never a command. */
    static final class Arithmetic extends Part {
        final String source;
        Arithmetic(String source, boolean quoted) { super(quoted); this.source = source; }
    }
}
