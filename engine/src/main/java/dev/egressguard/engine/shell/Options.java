package dev.egressguard.engine.shell;

import java.util.List;
import java.util.Set;

/** getopt-style option scanning: short clusters ({@code -sSd@f}), long options with {@code =value} or a following value. */
final class Options {
    private Options() {}

    interface Handler {
        /**
         * @param name  {@code -d} or {@code --data}
         * @param value the option's value, or null for a flag
         * @param from  the argument holding the value (or the option itself for a flag)
         */
        void option(String name, String value, Arg from);

        void positional(Arg arg);
    }

    /**
     * @param shortWithValue short option letters that take a value
     * @param longWithValue  long option names (without dashes) that take a value
     */
    static void scan(List<Arg> args, int from, String shortWithValue, Set<String> longWithValue, Handler h) {
        boolean onlyPositional = false;
        for (int i = from; i < args.size(); i++) {
            Arg a = args.get(i);
            String t = a.text;
            if (onlyPositional || t.length() < 2 || t.charAt(0) != '-') {
                h.positional(a);
            } else if (t.equals("--")) {
                onlyPositional = true;
            } else if (t.startsWith("--")) {
                int eq = t.indexOf('=');
                String name = eq > 0 ? t.substring(2, eq) : t.substring(2);
                if (eq > 0) {
                    h.option("--" + name, t.substring(eq + 1), a);
                } else if (longWithValue.contains(name) && i + 1 < args.size()) {
                    Arg v = args.get(++i);
                    h.option("--" + name, v.text, v);
                } else {
                    h.option("--" + name, null, a);
                }
            } else {
                for (int j = 1; j < t.length(); j++) {
                    char c = t.charAt(j);
                    if (shortWithValue.indexOf(c) >= 0) {
                        if (j + 1 < t.length()) {
                            h.option("-" + c, t.substring(j + 1), a);
                        } else if (i + 1 < args.size()) {
                            Arg v = args.get(++i);
                            h.option("-" + c, v.text, v);
                        } else {
                            h.option("-" + c, null, a);
                        }
                        break;
                    }
                    h.option("-" + c, null, a);
                }
            }
        }
    }
}
