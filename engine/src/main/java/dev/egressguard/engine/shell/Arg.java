package dev.egressguard.engine.shell;

/** One argument of a command as the analyser sees it, and where in the original argv it came from. */
final class Arg {
    /** The value after quote removal and expansion; parts known only at run time stay as written. */
    final String text;
    /** Index in the original argv of the argument holding this one (itself, or the script it is in). */
    final int origin;
    /** Some of the value is produced at run time (command substitution, an unset variable). */
    final boolean dynamic;

    Arg(String text, int origin, boolean dynamic) {
        this.text = text;
        this.origin = origin;
        this.dynamic = dynamic;
    }

    static Arg literal(String text, int origin) {
        return new Arg(text, origin, false);
    }

    @Override
    public String toString() {
        return text;
    }
}
