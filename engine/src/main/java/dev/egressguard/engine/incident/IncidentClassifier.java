package dev.egressguard.engine.incident;

import dev.egressguard.config.PatternType;
import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.decision.Decision;
import dev.egressguard.engine.inspect.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What an incident means to a security team (SPEC §8): severity, SDS and attack categories, MITRE ATT&CK. */
public final class IncidentClassifier {
    public static final String TACTIC_EXFILTRATION = "TA0010";
    /** Exfiltration over web service. */
    public static final String TECHNIQUE_WEB = "T1567";
    /** Exfiltration over alternative protocol. */
    public static final String TECHNIQUE_ALT_PROTOCOL = "T1048";

    private static final Set<String> NON_HTTP_TOOLS = Set.of(
            "nc", "ncat", "netcat", "socat", "telnet", "ssh", "scp", "sftp", "rsync", "ftp", "tftp");

    private IncidentClassifier() {
    }

    /** Whether this decision opens (or repeats) an incident: anything computed as warn, redact or block. */
    public static boolean isIncident(Decision d) {
        return d.action() != Action.ALLOW;
    }

    /**
     * The Datadog rule for successful exfiltration: an enforced block is MEDIUM, an enforced
     * redact LOW; anything that went out (warn, monitor mode, allow with detections) is CRITICAL
     * with pii or credentials and HIGH otherwise.
     */
    public static String severity(Decision d) {
        return severity(d.action().wireName(), d.enforced(), sdsCategories(d.detections()));
    }

    /** The same rule on a record's wire values ({@code block}, {@code redact}, ...). */
    public static String severity(String action, boolean enforced, Set<String> sdsCategories) {
        if (enforced && "block".equals(action)) {
            return "MEDIUM";
        }
        if (enforced && "redact".equals(action)) {
            return "LOW";
        }
        return sdsCategories.contains("pii") || sdsCategories.contains("credentials") ? "CRITICAL" : "HIGH";
    }

    /** The SDS category of a detected type by its wire name; custom and unknown names are {@code custom}. */
    public static String sdsCategory(String typeName) {
        try {
            return PatternType.valueOf(typeName).sdsCategory();
        } catch (IllegalArgumentException e) {
            return "custom";
        }
    }

    /** {@code pii}, {@code credentials}, {@code custom} of the detected types, sorted. */
    public static Set<String> sdsCategories(List<Detection> detections) {
        Set<String> out = new TreeSet<>();
        for (Detection det : detections) {
            String c = det.type().sdsCategory();
            if (c.equals("pii") || c.equals("credentials") || c.equals("custom")) {
                out.add(c);
            }
        }
        return out;
    }

    public static List<String> attackCategories(List<Detection> detections) {
        List<String> out = new ArrayList<>();
        out.add("data-exfiltration");
        for (Detection det : detections) {
            if (det.type() == PatternType.PROMPT_INJECTION) {
                out.add("prompt-injection");
                break;
            }
        }
        return out;
    }

    /** T1048 for raw-network tools and DNS, T1567 for HTTP. */
    public static String technique(Decision d) {
        return technique(d.kind() == null ? null : d.kind().wireName(), d.channel(),
                d.target() == null ? null : d.target().url(), d.command());
    }

    /** The same choice on a record's wire values. */
    public static String technique(String kind, String channel, String url, String command) {
        if (RuleKind.NETWORK_DNS.wireName().equals(kind)) {
            return TECHNIQUE_ALT_PROTOCOL;
        }
        if (!RuleKind.SHELL_EXEC.wireName().equals(kind) && !"process".equals(channel)) {
            return TECHNIQUE_WEB;
        }
        if (url != null) {
            String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
            if (scheme.startsWith("http") || scheme.startsWith("ws")) {
                return TECHNIQUE_WEB;
            }
            if (!scheme.isEmpty()) {
                return TECHNIQUE_ALT_PROTOCOL;
            }
        }
        return usesNonHttpTool(command) ? TECHNIQUE_ALT_PROTOCOL : TECHNIQUE_WEB;
    }

    static boolean usesNonHttpTool(String command) {
        if (command == null) {
            return false;
        }
        for (String word : command.split("[\\s;|&()'\"]+")) {
            String base = word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (base.endsWith(".exe")) {
                base = base.substring(0, base.length() - 4);
            }
            if (NON_HTTP_TOOLS.contains(base)) {
                return true;
            }
        }
        return false;
    }
}
