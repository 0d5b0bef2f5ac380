package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's settings (SPEC §4), each resolved from, highest first: the agent argument string,
 * system property {@code egressguard.<key>}, environment {@code EGRESSGUARD_<KEY>}, the default.
 * Never throws: a bad value or an unknown key becomes a warning and the default applies,
 * because the agent must not stop the host application from starting.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class AgentSettings {

    static final List<String> KEYS = List.of("policy", "mode", "audit", "auditKey", "agentId", "failMode",
            "logLevel", "maxBodyBytes", "auditMaxBytes");
    static final String DEFAULT_AUDIT = "egress-guard-audit.jsonl";
    static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;
    static final long DEFAULT_AUDIT_MAX_BYTES = 100L * 1024 * 1024;
    private static final List<String> MODES = List.of("enforce", "monitor");
    private static final List<String> FAIL_MODES = List.of("closed", "open");
    private static final List<String> LOG_LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    private final String policy;
    private final String mode;
    private final String audit;
    private final String auditKey;
    private final String agentId;
    private final String failMode;
    private final String logLevel;
    private final long maxBodyBytes;
    private final long auditMaxBytes;
    private final Map<String, String> sources;
    private final List<String> warnings;

    private AgentSettings(Resolver r) {
        policy = r.text("policy", null);
        mode = r.choice("mode", null, MODES);
        String auditPath = r.text("audit", DEFAULT_AUDIT);
        audit = "off".equalsIgnoreCase(auditPath) ? "off" : auditPath;
        auditKey = r.text("auditKey", null);
        agentId = r.text("agentId", r.defaultAgentId());
        failMode = r.choice("failMode", "closed", FAIL_MODES);
        logLevel = r.choice("logLevel", "info", LOG_LEVELS);
        maxBodyBytes = r.size("maxBodyBytes", DEFAULT_MAX_BODY_BYTES);
        auditMaxBytes = r.size("auditMaxBytes", DEFAULT_AUDIT_MAX_BYTES);
        sources = Collections.unmodifiableMap(r.sources);
        warnings = List.copyOf(r.warnings);
    }

    public static AgentSettings resolve(String agentArgs, Properties systemProperties, Map<String, String> environment) {
        return new AgentSettings(new Resolver(agentArgs,
                systemProperties == null ? new Properties() : systemProperties,
                environment == null ? Map.of() : environment));
    }

    /** The environment variable a key is read from: {@code auditKey} → {@code EGRESSGUARD_AUDIT_KEY}. */
    public static String environmentName(String key) {
        return "EGRESSGUARD_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The system property a key is read from: {@code egressguard.<key>}. */
    public static String propertyName(String key) {
        return "egressguard." + key;
    }

    /** Policy path or http(s) URL; null for the built-in default policy. */
    public String policy() { return policy; }
    /** {@code enforce} / {@code monitor} when given, else null (the policy's own mode applies). */
    public String mode() { return mode; }
    /** The audit path as configured (default {@code egress-guard-audit.jsonl}), or {@code off}. */
    public String audit() { return audit; }
    public String auditKey() { return auditKey; }
    public String agentId() { return agentId; }
    /** {@code closed} or {@code open}. */
    public String failMode() { return failMode; }
    public String logLevel() { return logLevel; }
    public long maxBodyBytes() { return maxBodyBytes; }
    public long auditMaxBytes() { return auditMaxBytes; }

    /** What was ignored or replaced by a default, one sentence each, for the agent's log. */
    public List<String> warnings() { return warnings; }

    /** Where each setting came from: {@code agent-args}, {@code system-property}, {@code environment} or {@code default}. */
    public String sourceOf(String key) {
        return sources.getOrDefault(key, "default");
    }

    /**
     * The effective settings for the {@code agent.start} record. The audit key's value is never
     * included, only whether one is set.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy == null ? "built-in" : policy);
        m.put("mode", mode == null ? "policy" : mode);
        m.put("audit", audit);
        m.put("auditKeyed", auditKey != null);
        m.put("agentId", agentId);
        m.put("failMode", failMode);
        m.put("logLevel", logLevel);
        m.put("maxBodyBytes", maxBodyBytes);
        m.put("auditMaxBytes", auditMaxBytes);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "AgentSettings" + toMap();
    }

    /** Looks each key up in the three sources in order, recording where it was found. */
    private static final class Resolver {
        private final Map<String, String> args = new LinkedHashMap<>();
        private final Properties properties;
        private final Map<String, String> environment;
        final Map<String, String> sources = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();

        Resolver(String agentArgs, Properties properties, Map<String, String> environment) {
            this.properties = properties;
            this.environment = environment;
            parseArgs(agentArgs);
        }

        private void parseArgs(String agentArgs) {
            if (agentArgs == null) {
                return;
            }
            for (String part : agentArgs.split(",")) {
                String item = part.trim();
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    warnings.add("agent argument '" + item + "' ignored: expected key=value");
                    continue;
                }
                String given = item.substring(0, eq).trim();
                String value = item.substring(eq + 1).trim();
                String key = canonicalKey(given);
                if (key == null) {
                    String suggestion = DidYouMean.suggest(given, KEYS);
                    warnings.add("unknown agent argument '" + given + "' ignored"
                            + (suggestion == null ? " (known: " + String.join(", ", KEYS) + ")"
                            : " (did you mean '" + suggestion + "'?)"));
                    continue;
                }
                args.put(key, value);
            }
        }

        /** Keys match regardless of case, so failmode=open works as failMode=open. */
        private static String canonicalKey(String given) {
            for (String k : KEYS) {
                if (k.equalsIgnoreCase(given)) {
                    return k;
                }
            }
            return null;
        }

        /** The raw value and where it came from, or null when no source sets it (empty counts as unset). */
        private String lookup(String key) {
            String v = args.get(key);
            if (present(v)) {
                sources.put(key, "agent-args");
                return v.trim();
            }
            v = properties.getProperty(propertyName(key));
            if (present(v)) {
                sources.put(key, "system-property");
                return v.trim();
            }
            v = environment.get(environmentName(key));
            if (present(v)) {
                sources.put(key, "environment");
                return v.trim();
            }
            return null;
        }

        private static boolean present(String v) {
            return v != null && !v.trim().isEmpty();
        }

        private String where(String key) {
            switch (sources.get(key)) {
                case "agent-args": return "agent argument " + key;
                case "system-property": return "system property " + propertyName(key);
                default: return "environment variable " + environmentName(key);
            }
        }

        String text(String key, String fallback) {
            String v = lookup(key);
            return v == null ? fallback : v;
        }

        String choice(String key, String fallback, List<String> allowed) {
            String v = lookup(key);
            if (v == null) {
                return fallback;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (allowed.contains(lower)) {
                return lower;
            }
            warnings.add(where(key) + " '" + v + "' is not one of " + String.join(", ", allowed)
                    + "; using " + (fallback == null ? "the policy's own setting" : "'" + fallback + "'"));
            sources.remove(key);
            return fallback;
        }

        /** A positive byte count, optionally with a k, m or g suffix (1024-based): 8m, 512k. */
        long size(String key, long fallback) {
            String v = lookup(key);
            if (v == null) {
                return fallback;
            }
            long parsed = parseSize(v);
            if (parsed > 0) {
                return parsed;
            }
            warnings.add(where(key) + " '" + v + "' is not a positive number of bytes; using " + fallback);
            sources.remove(key);
            return fallback;
        }

        static long parseSize(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (s.endsWith("b")) {
                s = s.substring(0, s.length() - 1);
            }
            long unit = 1;
            if (s.endsWith("k")) {
                unit = 1024;
            } else if (s.endsWith("m")) {
                unit = 1024 * 1024;
            } else if (s.endsWith("g")) {
                unit = 1024L * 1024 * 1024;
            }
            if (unit != 1) {
                s = s.substring(0, s.length() - 1).trim();
            }
            if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            return Long.parseLong(s) * unit;
        }

        /** otel.service.name / OTEL_SERVICE_NAME, else the main class or jar name, else "java". */
        String defaultAgentId() {
            String otel = properties.getProperty("otel.service.name");
            if (present(otel)) {
                return otel.trim();
            }
            otel = environment.get("OTEL_SERVICE_NAME");
            if (present(otel)) {
                return otel.trim();
            }
            String name = mainName(properties.getProperty("sun.java.command"));
            return name == null ? "java" : name;
        }

        /** {@code /opt/app/orders.jar --port 1} → orders; {@code com.acme.Main} → Main; {@code mod/com.acme.Main} → Main. */
        static String mainName(String command) {
            if (!present(command)) {
                return null;
            }
            String first = command.trim().split("\\s+")[0];
            String base = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
            if (base.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                base = base.substring(0, base.length() - 4);
            } else if (base.endsWith(".java")) {
                base = base.substring(0, base.length() - 5); // source-file mode: java Foo.java
            } else {
                base = base.substring(base.lastIndexOf('.') + 1);
            }
            return base.isEmpty() ? null : base;
        }
    }
}
