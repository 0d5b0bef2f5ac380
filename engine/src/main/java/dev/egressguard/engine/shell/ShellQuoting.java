package dev.egressguard.engine.shell;

/** Quoting a value back into shell syntax, when argv words are re-read as a script. */
final class ShellQuoting {
    private ShellQuoting() {}

    static String quote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || "@%+=:,./-_".indexOf(c) >= 0)) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
