package dev.egressguard.config;

/** The kinds of egress a rule, a decision record and the dispatcher know (SPEC §5.1, §8). */
public enum RuleKind {
    NETWORK_REQUEST("network.request"),
    NETWORK_DNS("network.dns"),
    SHELL_EXEC("shell.exec");

    private final String wireName;

    RuleKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RuleKind fromWireName(String name) {
        for (RuleKind k : values()) {
            if (k.wireName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
