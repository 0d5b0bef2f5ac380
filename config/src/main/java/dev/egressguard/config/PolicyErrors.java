package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one policy file, so the user sees them all in one go. */
final class PolicyErrors {
    /** Past this many, more errors add nothing a user can act on and cost memory. */
    static final int MAX_ERRORS = 100;
    private final String file;
    private int dropped;
    private final List<PolicyError> errors = new ArrayList<>();

    PolicyErrors(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, int column, String message) {
        if (isFull()) {
            dropped++;
            return;
        }
        errors.add(new PolicyError(file, Math.max(1, line), Math.max(1, column), oneLine(message)));
    }

    /** An error about a value, located where the value is written. */
    void at(YamlNode node, String message) {
        add(node.line, node.column, message);
    }

    /** An error about a key, located where the key is written. */
    void at(YamlNode.Entry entry, String message) {
        add(entry.line, entry.column, message);
    }

    /** Values quoted in messages may hold line breaks or control characters; an error stays one line. */
    static String oneLine(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** When no more errors will be kept, callers may skip costly messages (suggestions). */
    boolean isFull() {
        return errors.size() >= MAX_ERRORS;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors in the order they appear in the file. */
    PolicyException toException() {
        List<PolicyError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
        if (dropped > 0) {
            PolicyError last = sorted.get(sorted.size() - 1);
            sorted.add(new PolicyError(file, last.line(), last.column(),
                    dropped + " more errors not shown; fix these first"));
        }
        return new PolicyException(sorted);
    }
}
