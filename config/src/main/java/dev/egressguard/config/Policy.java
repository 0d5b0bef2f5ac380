package dev.egressguard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, validated policy (SPEC §5.1). Omitted keys carry the defaults of §5.1 and the
 * content keys those of the default policy (§5.7), so {@code new Policy.Builder().build()}
 * is the default policy.
 */
public final class Policy {
    /** Where the policy came from: a path, a URL, or {@code built-in}. */
    private final String source;
    private final String name;
    private final String description;
    private final boolean enabled;
    private final String orgId;
    private final List<String> agentIds;
    private final String mode;

    private final RuleEffect defaultEffect;
    private final List<String> allowedTools;
    private final List<String> blockedTools;
    private final boolean blockAllPublicAi;
    private final boolean allowEnterprise;
    private final RiskLevel unknownEndpointRisk;
    private final boolean inspectInternal;
    private final List<String> internalDomains;

    private final Set<PatternType> sensitivePatterns;
    private final List<String> customKeywords;
    private final List<String> customRegex;
    private final PolicyAction defaultAction;
    private final List<ActionOverride> actionOverrides;
    private final double riskThreshold;
    private final String redactWith;
    private final PolicyAction oversizedBody;
    private final boolean auditAllowed;

    private final boolean notifyOnBlock;
    private final boolean notifyOnWarn;
    private final List<String> notifyChannels;

    private final List<Endpoint> customEndpoints;
    private final List<Rule> rules;
    private final PolicyAction shellOnObfuscated;

    private final boolean exportStdout;
    private final String exportOtlpEndpoint;
    private final Map<String, String> exportOtlpHeaders;

    private Policy(Builder b) {
        source = b.source;
        name = b.name;
        description = b.description;
        enabled = b.enabled;
        orgId = b.orgId;
        agentIds = List.copyOf(b.agentIds);
        mode = b.mode;
        defaultEffect = b.defaultEffect;
        allowedTools = List.copyOf(b.allowedTools);
        blockedTools = List.copyOf(b.blockedTools);
        blockAllPublicAi = b.blockAllPublicAi;
        allowEnterprise = b.allowEnterprise;
        unknownEndpointRisk = b.unknownEndpointRisk;
        inspectInternal = b.inspectInternal;
        internalDomains = List.copyOf(b.internalDomains);
        sensitivePatterns = Collections.unmodifiableSet(EnumSet.copyOf(b.sensitivePatterns));
        customKeywords = List.copyOf(b.customKeywords);
        customRegex = List.copyOf(b.customRegex);
        defaultAction = b.defaultAction;
        actionOverrides = List.copyOf(b.actionOverrides);
        riskThreshold = b.riskThreshold;
        redactWith = b.redactWith;
        oversizedBody = b.oversizedBody;
        auditAllowed = b.auditAllowed;
        notifyOnBlock = b.notifyOnBlock;
        notifyOnWarn = b.notifyOnWarn;
        notifyChannels = List.copyOf(b.notifyChannels);
        customEndpoints = List.copyOf(b.customEndpoints);
        rules = List.copyOf(b.rules);
        shellOnObfuscated = b.shellOnObfuscated;
        exportStdout = b.exportStdout;
        exportOtlpEndpoint = b.exportOtlpEndpoint;
        exportOtlpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.exportOtlpHeaders));
    }

    /** The default policy of SPEC §5.7. */
    public static Policy defaultPolicy() {
        return new Builder().build();
    }

    public String source() { return source; }
    public String name() { return name; }
    public String description() { return description; }
    public boolean enabled() { return enabled; }
    public String orgId() { return orgId; }
    public List<String> agentIds() { return agentIds; }
    /** {@code enforce} or {@code monitor}. */
    public String mode() { return mode; }
    public boolean isMonitor() { return "monitor".equals(mode); }
    public RuleEffect defaultEffect() { return defaultEffect; }
    public List<String> allowedTools() { return allowedTools; }
    public List<String> blockedTools() { return blockedTools; }
    public boolean blockAllPublicAi() { return blockAllPublicAi; }
    public boolean allowEnterprise() { return allowEnterprise; }
    public RiskLevel unknownEndpointRisk() { return unknownEndpointRisk; }
    public boolean inspectInternal() { return inspectInternal; }
    public List<String> internalDomains() { return internalDomains; }
    public Set<PatternType> sensitivePatterns() { return sensitivePatterns; }
    public List<String> customKeywords() { return customKeywords; }
    public List<String> customRegex() { return customRegex; }
    public PolicyAction defaultAction() { return defaultAction; }
    public List<ActionOverride> actionOverrides() { return actionOverrides; }
    public double riskThreshold() { return riskThreshold; }
    public String redactWith() { return redactWith; }
    public PolicyAction oversizedBody() { return oversizedBody; }
    public boolean auditAllowed() { return auditAllowed; }
    public boolean notifyOnBlock() { return notifyOnBlock; }
    public boolean notifyOnWarn() { return notifyOnWarn; }
    public List<String> notifyChannels() { return notifyChannels; }
    public List<Endpoint> customEndpoints() { return customEndpoints; }
    public List<Rule> rules() { return rules; }
    public PolicyAction shellOnObfuscated() { return shellOnObfuscated; }
    public boolean exportStdout() { return exportStdout; }
    /** The OTLP/HTTP base URL, or null when OTLP export is off. */
    public String exportOtlpEndpoint() { return exportOtlpEndpoint; }
    public Map<String, String> exportOtlpHeaders() { return exportOtlpHeaders; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.source = source;
        b.name = name;
        b.description = description;
        b.enabled = enabled;
        b.orgId = orgId;
        b.agentIds = new ArrayList<>(agentIds);
        b.mode = mode;
        b.defaultEffect = defaultEffect;
        b.allowedTools = new ArrayList<>(allowedTools);
        b.blockedTools = new ArrayList<>(blockedTools);
        b.blockAllPublicAi = blockAllPublicAi;
        b.allowEnterprise = allowEnterprise;
        b.unknownEndpointRisk = unknownEndpointRisk;
        b.inspectInternal = inspectInternal;
        b.internalDomains = new ArrayList<>(internalDomains);
        b.sensitivePatterns = EnumSet.copyOf(sensitivePatterns);
        b.customKeywords = new ArrayList<>(customKeywords);
        b.customRegex = new ArrayList<>(customRegex);
        b.defaultAction = defaultAction;
        b.actionOverrides = new ArrayList<>(actionOverrides);
        b.riskThreshold = riskThreshold;
        b.redactWith = redactWith;
        b.oversizedBody = oversizedBody;
        b.auditAllowed = auditAllowed;
        b.notifyOnBlock = notifyOnBlock;
        b.notifyOnWarn = notifyOnWarn;
        b.notifyChannels = new ArrayList<>(notifyChannels);
        b.customEndpoints = new ArrayList<>(customEndpoints);
        b.rules = new ArrayList<>(rules);
        b.shellOnObfuscated = shellOnObfuscated;
        b.exportStdout = exportStdout;
        b.exportOtlpEndpoint = exportOtlpEndpoint;
        b.exportOtlpHeaders = new LinkedHashMap<>(exportOtlpHeaders);
        return b;
    }

    /** Mutable builder; every field starts at its SPEC §5.1 / §5.7 default. */
    public static final class Builder {
        public String source = "built-in";
        public String name = "default";
        public String description = "";
        public boolean enabled = true;
        public String orgId = null;
        public List<String> agentIds = new ArrayList<>();
        public String mode = "enforce";
        public RuleEffect defaultEffect = RuleEffect.ALLOW;
        public List<String> allowedTools = new ArrayList<>();
        public List<String> blockedTools = new ArrayList<>();
        public boolean blockAllPublicAi = false;
        public boolean allowEnterprise = true;
        public RiskLevel unknownEndpointRisk = RiskLevel.HIGH;
        public boolean inspectInternal = false;
        public List<String> internalDomains = new ArrayList<>();
        public Set<PatternType> sensitivePatterns = EnumSet.complementOf(EnumSet.of(PatternType.SHELL_OBFUSCATION));
        public List<String> customKeywords = new ArrayList<>();
        public List<String> customRegex = new ArrayList<>();
        public PolicyAction defaultAction = PolicyAction.WARN;
        public List<ActionOverride> actionOverrides = new ArrayList<>(List.of(
                new ActionOverride(PatternType.SSN, PolicyAction.BLOCK),
                new ActionOverride(PatternType.CREDIT_CARD, PolicyAction.BLOCK),
                new ActionOverride(PatternType.API_KEY, PolicyAction.BLOCK)));
        public double riskThreshold = 50;
        public String redactWith = "[REDACTED]";
        public PolicyAction oversizedBody = PolicyAction.WARN;
        public boolean auditAllowed = true;
        public boolean notifyOnBlock = true;
        public boolean notifyOnWarn = false;
        public List<String> notifyChannels = new ArrayList<>();
        public List<Endpoint> customEndpoints = new ArrayList<>();
        public List<Rule> rules = new ArrayList<>();
        public PolicyAction shellOnObfuscated = PolicyAction.WARN;
        public boolean exportStdout = false;
        public String exportOtlpEndpoint = null;
        public Map<String, String> exportOtlpHeaders = new LinkedHashMap<>();

        public Policy build() {
            return new Policy(this);
        }
    }
}
