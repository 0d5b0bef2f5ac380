package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one policy file, so the user sees them all in one go. */
final class PolicyErrors {
    private final String file;
    private final List<PolicyError> errors = new ArrayList<>();

    PolicyErrors(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, int column, String message) {
        errors.add(new PolicyError(file, Math.max(1, line), Math.max(1, column), message));
    }

    /** An error about a value, located where the value is written. */
    void at(YamlNode node, String message) {
        add(node.line, node.column, message);
    }

    /** An error about a key, located where the key is written. */
    void at(YamlNode.Entry entry, String message) {
        add(entry.line, entry.column, message);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors in the order they appear in the file. */
    PolicyException toException() {
        List<PolicyError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
        return new PolicyException(sorted);
    }
}
