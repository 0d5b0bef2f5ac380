package dev.egressguard.config;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be used; its message lists every error as {@code file:line:col: message}. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyError> errors;

    public PolicyException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
