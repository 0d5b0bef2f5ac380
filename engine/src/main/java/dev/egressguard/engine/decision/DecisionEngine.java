package dev.egressguard.engine.decision;

import dev.egressguard.config.ActionOverride;
import dev.egressguard.config.EndpointCategory;
import dev.egressguard.config.EndpointRegistry;
import dev.egressguard.config.InternalHosts;
import dev.egressguard.config.IssuerTable;
import dev.egressguard.config.PatternType;
import dev.egressguard.config.Policy;
import dev.egressguard.config.PolicyAction;
import dev.egressguard.config.RiskLevel;
import dev.egressguard.config.Rule;
import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.inspect.Detection;
import dev.egressguard.engine.inspect.Inspection;
import dev.egressguard.engine.inspect.Inspector;
import dev.egressguard.engine.inspect.Redactor;
import dev.egressguard.engine.inspect.RiskScorer;
import dev.egressguard.engine.shell.CommandAnalysis;
import dev.egressguard.engine.shell.CommandAnalyzer;
import dev.egressguard.engine.shell.NetworkInvocation;
import dev.egressguard.engine.shell.Payload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision of SPEC §5.6 for one policy. Immutable and thread-safe: a new policy means a new
 * engine. Each numbered step is one method, in the order of the spec, so the two can be read
 * side by side. (Step 0, the agent's own traffic, is decided before the engine is asked.)
 */
public final class DecisionEngine {
    private final Policy policy;
    private final EndpointRegistry registry;
    private final IssuerTable issuers;
    private final InternalHosts internalHosts;
    private final Inspector inspector;
    private final CommandAnalyzer commands;
    private final long maxBodyBytes;
    private final Set<PatternType> counted;
    private final Map<PatternType, PolicyAction> overrides;
    private final List<Rule> requestRules = new ArrayList<>();
    private final List<Rule> shellRules = new ArrayList<>();
    /** Longer header values are rarely repeated, and would make the cache large. */
    private static final int MAX_REPEATED_HEADER = 256;

    private final RepeatCache<String, UrlFacts> urls = new RepeatCache<>();
    /** Clean values of headers that carry no credentials, by name and value: inspected once. */
    private final RepeatCache<Map.Entry<String, String>, Inspection> cleanHeaders = new RepeatCache<>();

    public DecisionEngine(Policy policy, EndpointRegistry builtInRegistry, IssuerTable issuers, long maxBodyBytes) {
        this.policy = policy;
        this.registry = builtInRegistry.with(policy.customEndpoints());
        this.issuers = issuers;
        this.internalHosts = new InternalHosts(policy.internalDomains());
        this.inspector = Inspector.forPolicy(policy, maxBodyBytes);
        this.commands = new CommandAnalyzer(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.counted = countedTypes(policy);
        this.overrides = new EnumMap<>(PatternType.class);
        for (ActionOverride o : policy.actionOverrides()) {
            overrides.put(o.patternType(), o.action());
        }
        for (Rule r : policy.rules()) {
            if (r.kind() == RuleKind.NETWORK_REQUEST) {
                requestRules.add(r);
            } else if (r.kind() == RuleKind.SHELL_EXEC) {
                shellRules.add(r);
            }
        }
    }

    public Policy policy() { return policy; }
    public EndpointRegistry registry() { return registry; }
    public Inspector inspector() { return inspector; }

    /** Decides one request or command for the given agent. Never throws for bad input. */
    public Decision decide(EgressRequest request, String agentId) {
        long start = System.nanoTime();
        Decision.Builder d = request.kind() == RuleKind.SHELL_EXEC
                ? decideCommand(request, agentId)
                : decideRequest(request, agentId);
        d.enforced = !policy.isMonitor();
        d.micros = (System.nanoTime() - start) / 1000;
        return d.build();
    }

    // ---------------------------------------------------------------- HTTP requests

    private Decision.Builder decideRequest(EgressRequest req, String agentId) {
        UrlFacts url = urls.get(req.url(), this::urlFacts);
        Decision.Builder d = new Decision.Builder();
        d.kind = RuleKind.NETWORK_REQUEST;
        d.channel = req.channel();
        d.method = req.method();
        d.content = req.body();
        d.contentBytes = req.body() == null ? 0 : req.body().length;
        Target target = url.target;
        d.target = target;

        String outOfScope = step1PolicyScope(agentId);
        if (outOfScope != null) {
            return allow(d, outOfScope);
        }
        RuleMatch rules = url.rules;
        if (rules.denies()) {
            return step2RuleDeny(d, rules);
        }
        String blocked = steps3to5Destination(target, rules.allows());
        if (blocked != null) {
            return block(d, blocked, null);
        }
        if (target.internal() && !policy.inspectInternal()) {
            return allow(d, "internal host");
        }
        Findings found = inspectRequest(req, url, rules.allows(), d);
        List<Detection> inUrl = locatedAt(found, "url");
        if (!inUrl.isEmpty()) {
            // the URL was masked for credentials already; detected values in it are masked now
            d.target = target = new Target(Masking.url(req.url(), inUrl), target.host(),
                    target.endpoint(), target.riskLevel(), target.internal());
        }
        if (step6AllowedTool(target)) {
            return allowWithWarnings(d, found, target.name() + " is an allowed tool");
        }
        String denied = rules.hasDenyBodyPatterns() ? rules.deniedBodyPattern(found.lowerCaseText()) : null;
        if (denied != null) {
            return block(d, "body matches deny pattern '" + denied + "' of rule " + rules.deciding().describe(),
                    rules.deciding().describe());
        }
        Proposal p = step8Content(found, target.riskLevel(), null);
        apply(d, found, p);
        if (d.action == Action.REDACT) {
            step9RedactRequest(d, req, found);
        }
        return d;
    }

    // ---------------------------------------------------------------- commands

    private Decision.Builder decideCommand(EgressRequest req, String agentId) {
        CommandAnalysis analysis = commands.analyze(req.argv(), req.workingDir());
        RuleMatch shell = RuleMatch.find(shellRules, analysis.commandLines());
        Decision.Builder d = new Decision.Builder();
        d.kind = RuleKind.SHELL_EXEC;
        d.channel = req.channel();
        if (!analysis.isNetwork() && !analysis.isObfuscated() && shell == RuleMatch.NONE) {
            d.recorded = false;
            return allow(d, "not a network command");
        }
        d.content = analysis.commandLine().getBytes(StandardCharsets.UTF_8);
        d.contentBytes = d.content.length;
        d.command = Masking.credentials(analysis.commandLine());

        String outOfScope = step1PolicyScope(agentId);
        if (outOfScope != null) {
            return allow(d, outOfScope);
        }
        if (shell.denies()) {
            return step2RuleDeny(d, shell);
        }
        // each destination is a network.request of its own (SPEC §7)
        List<Target> targets = new ArrayList<>();
        boolean allAllowedTools = analysis.isNetwork();
        boolean anyAllowRule = shell.allows();
        for (NetworkInvocation inv : analysis.invocations()) {
            for (String dest : inv.destinations()) {
                UrlParts url = UrlParts.parse(dest);
                Target t = target(url, Masking.credentials(dest));
                targets.add(t);
                if (d.target == null) {
                    d.target = t;
                }
                RuleMatch rules = RuleMatch.find(requestRules, url.ruleForm());
                if (rules.denies()) {
                    d.target = t;
                    return step2RuleDeny(d, rules);
                }
                String blocked = steps3to5Destination(t, rules.allows() || shell.allows());
                if (blocked != null) {
                    d.target = t;
                    return block(d, blocked, null);
                }
                anyAllowRule |= rules.allows();
                allAllowedTools &= step6AllowedTool(t);
            }
        }
        Target worst = riskiest(targets);
        if (worst != null) {
            d.target = worst;
        }
        Findings found = inspectCommand(analysis, targets, anyAllowRule);
        String command = maskedCommand(req.argv(), analysis, found);
        d.command = command;
        d.previewSource = () -> command.length() > Preview.LENGTH ? command.substring(0, Preview.LENGTH) : command;
        if (allAllowedTools && !targets.isEmpty()) {
            return allowWithWarnings(d, found, "every destination is an allowed tool");
        }
        String denied = shell.hasDenyBodyPatterns() ? shell.deniedBodyPattern(found.lowerCaseText()) : null;
        if (denied != null) {
            return block(d, "command matches deny pattern '" + denied + "' of rule " + shell.deciding().describe(),
                    shell.deciding().describe());
        }
        RiskLevel risk = worst != null ? worst.riskLevel() : policy.unknownEndpointRisk();
        Proposal p = step8Content(found, risk, analysis.isObfuscated() ? analysis.obfuscations() : null);
        apply(d, found, p);
        if (d.action == Action.REDACT) {
            step9RedactCommand(d, req.argv(), found);
        }
        return d;
    }

    // ---------------------------------------------------------------- the steps

    /** Step 1: a disabled policy, or an agent outside its scope, allows (recorded with the reason). */
    private String step1PolicyScope(String agentId) {
        if (!policy.enabled()) {
            return "policy disabled";
        }
        if (!policy.agentIds().isEmpty() && !policy.agentIds().contains(agentId)) {
            return "out of policy scope";
        }
        return null;
    }

    /** Step 2: a matching deny rule (the most specific, deny on a tie) blocks with its reason. */
    private Decision.Builder step2RuleDeny(Decision.Builder d, RuleMatch rules) {
        return block(d, rules.reason(), rules.deciding().describe());
    }

    /** Steps 3-5: blocked tools, public AI when all of it is blocked, deny-by-default egress. */
    private String steps3to5Destination(Target t, boolean allowRuleMatched) {
        String tool = t.tool();
        if (tool != null && policy.blockedTools().contains(tool)) {
            return t.name() + " is a blocked tool (" + t.riskLevel().wireName() + " risk)";
        }
        if (policy.blockAllPublicAi() && t.endpoint() != null && t.endpoint().isPublicAi(policy.allowEnterprise())
                && !policy.allowedTools().contains(tool)) {
            return t.name() + " is a public AI tool and public AI is blocked";
        }
        if (policy.defaultEffect() == dev.egressguard.config.RuleEffect.DENY && !allowRuleMatched
                && (tool == null || !policy.allowedTools().contains(tool))) {
            return t.host() + " is not on the allowlist";
        }
        return null;
    }

    /** Step 6: an allowed tool is allowed; what was found is recorded as warnings. */
    private boolean step6AllowedTool(Target t) {
        return t.tool() != null && policy.allowedTools().contains(t.tool());
    }

    /**
     * Step 8: each detected type with an override proposes its action; a score above the
     * threshold proposes defaultAction; the most severe proposal wins. Oversized bodies and
     * obfuscated commands propose their own settings.
     */
    private Proposal step8Content(Findings found, RiskLevel risk, List<String> obfuscations) {
        Proposal p = new Proposal();
        double score = RiskScorer.score(found.detections, risk.multiplier(), counted);
        p.score = score;
        EnumSet<PatternType> types = EnumSet.noneOf(PatternType.class);
        for (Detection det : found.detections) {
            types.add(det.type());
        }
        for (PatternType t : types) {
            PolicyAction o = overrides.get(t);
            if (o != null) {
                p.propose(Action.of(o), EnumSet.of(t), null);
            }
        }
        if (score > policy.riskThreshold()) {
            p.propose(Action.of(policy.defaultAction()), types,
                    " (risk score " + format(score) + " above " + format(policy.riskThreshold()) + ")");
        }
        if (found.oversized) {
            p.proposeReason(Action.of(policy.oversizedBody()), "body larger than maxBodyBytes (" + maxBodyBytes + " bytes)");
        }
        if (obfuscations != null) {
            p.proposeReason(Action.of(policy.shellOnObfuscated()), "SHELL_OBFUSCATION: " + String.join("; ", obfuscations));
        }
        return p;
    }

    /** Step 9 for requests: a redact that cannot be carried out becomes a block. */
    private void step9RedactRequest(Decision.Builder d, EgressRequest req, Findings found) {
        String impossible = null;
        for (Detection det : found.detections) {
            if (!det.location().equals("body")) {
                impossible = "the value is in the " + Reasons.location(det.location()) + ", which cannot be rewritten";
                break;
            }
        }
        if (impossible == null) {
            if (req.bodyMode() == EgressRequest.BodyMode.UNREADABLE) {
                impossible = "the body cannot be read";
            } else if (req.bodyMode() == EgressRequest.BodyMode.READ_ONLY) {
                impossible = "the client re-sends this body itself";
            } else if (req.body() != null) {
                byte[] out = Redactor.redactBody(req.body(), req.header("Content-Type"), req.header("Content-Encoding"),
                        found.detections, policy.redactWith(),
                        req.bodyMode() == EgressRequest.BodyMode.FIXED_LENGTH, inspector);
                if (out == null) {
                    impossible = req.bodyMode() == EgressRequest.BodyMode.FIXED_LENGTH
                            ? "the fixed-length body cannot be masked" : "the body cannot be rewritten";
                } else {
                    d.sanitizedBody = out;
                }
            }
        }
        if (impossible != null) {
            d.action = Action.BLOCK;
            d.sanitizedBody = null;
            d.reason = d.reason + "; redaction not possible: " + impossible;
        }
    }

    /** Step 9 for commands: inline arguments are rewritten; file and stdin payloads cannot be. */
    private void step9RedactCommand(Decision.Builder d, List<String> argv, Findings found) {
        List<String> out = new ArrayList<>(argv);
        int inPayloads = 0;
        String impossible = null;
        for (Map.Entry<Payload, List<Detection>> e : found.byPayload.entrySet()) {
            Payload p = e.getKey();
            inPayloads += e.getValue().size();
            String clean = p.argIndex() < 0 ? null : Redactor.redactText(p.text(), e.getValue(), policy.redactWith(),
                    inspector);
            if (clean == null || !out.get(p.argIndex()).contains(p.text())) {
                impossible = "the value is in " + Reasons.location(p.location()) + ", which cannot be rewritten";
                break;
            }
            out.set(p.argIndex(), out.get(p.argIndex()).replace(p.text(), clean));
        }
        if (impossible == null && inPayloads < found.detections.size()) {
            impossible = "the value is in a destination URL, which cannot be rewritten";
        }
        if (impossible != null) {
            d.action = Action.BLOCK;
            d.reason = d.reason + "; redaction not possible: " + impossible;
        } else {
            d.sanitizedArgv = out;
        }
    }

    // ---------------------------------------------------------------- inspection

    private Findings inspectRequest(EgressRequest req, UrlFacts url, boolean allowRule, Decision.Builder d) {
        Findings f = new Findings();
        Target target = url.target;
        collect(f, url.inspection, target, allowRule);
        for (Map.Entry<String, List<String>> h : req.headers().entrySet()) {
            if (h.getKey() == null) {
                continue;
            }
            for (String v : h.getValue()) {
                if (v != null && !v.isEmpty()) {
                    collect(f, inspectHeader(h.getKey(), v), target, allowRule);
                }
            }
        }
        if (req.contentLength() > maxBodyBytes && req.body() == null) {
            f.oversized = true;
            f.warnings.add("body of " + req.contentLength() + " bytes not inspected: larger than maxBodyBytes");
        } else if (req.bodyMode() == EgressRequest.BodyMode.UNREADABLE) {
            f.warnings.add("body not inspected: it can only be read once");
        } else if (req.body() != null && req.body().length > 0) {
            Inspection body = inspector.inspectBody(req.body(), req.header("Content-Type"), req.header("Content-Encoding"));
            collect(f, body, target, allowRule);
            d.previewSource = new Preview(inspector, () -> bodyText(req, body), locatedAt(f, "body"));
            if (body.truncated()) {
                f.oversized = true;
                f.warnings.add("body larger than maxBodyBytes: only the first " + maxBodyBytes + " bytes inspected");
            }
        }
        return f;
    }

    /**
     * A header's inspection. A client sends the same Content-Type, User-Agent and Accept with every
     * request, so a clean value is inspected once. Credential headers are not kept: their values are
     * secrets even when nothing in them was recognised.
     */
    private Inspection inspectHeader(String name, String value) {
        if (Inspector.isCredentialHeader(name) || value.length() > MAX_REPEATED_HEADER) {
            return inspector.inspectHeader(name, value);
        }
        Map.Entry<String, String> key = Map.entry(name, value);
        Inspection known = cleanHeaders.peek(key);
        if (known == null) {
            known = inspector.inspectHeader(name, value);
            if (known.detections().isEmpty()) {
                cleanHeaders.put(key, known);
            }
        }
        return known;
    }

    private Findings inspectCommand(CommandAnalysis analysis, List<Target> targets, boolean allowRule) {
        Findings f = new Findings();
        Target exfil = null;
        for (Target t : targets) {
            if (isExfil(t)) {
                exfil = t;
            }
        }
        int i = 0;
        for (NetworkInvocation inv : analysis.invocations()) {
            Target first = null;
            for (String dest : inv.destinations()) {
                Target t = targets.get(i++);
                if (first == null) {
                    first = t;
                }
                if (!t.internal() || policy.inspectInternal()) {
                    collect(f, inspector.inspectUrl(dest), exfil != null ? exfil : t, allowRule);
                }
            }
            Target slotTarget = exfil != null ? exfil : first;
            if (first != null && first.internal() && !policy.inspectInternal()) {
                continue;
            }
            for (Payload p : inv.payloads()) {
                if (!p.inspectable()) {
                    f.warnings.add(inv.tool() + " payload from " + p.location() + " not inspected");
                    continue;
                }
                List<Detection> kept = collect(f, inspector.inspectText(p.text(), p.location(), p.credentialSlot()),
                        slotTarget, allowRule);
                if (!kept.isEmpty()) {
                    f.byPayload.put(p, kept);
                }
            }
        }
        return f;
    }

    /** Adds what one inspection found, leaving out credentials sent the way their service expects. */
    private List<Detection> collect(Findings f, Inspection inspection, Target target, boolean allowRule) {
        f.add(inspection);
        List<Detection> kept = new ArrayList<>(inspection.detections().size());
        for (Detection det : inspection.detections()) {
            if (!isExemptCredential(det, target, allowRule)) {
                kept.add(det);
            }
        }
        f.detections.addAll(kept);
        return kept;
    }

    /** SPEC §5.4: a credential in its slot is not a leak, unless it goes to exfil or to a stranger. */
    private boolean isExemptCredential(Detection det, Target target, boolean allowRule) {
        if (!det.credentialSlot() || (det.type() != PatternType.API_KEY && det.type() != PatternType.PASSWORD)) {
            return false;
        }
        if (target == null || isExfil(target)) {
            return false;
        }
        if (det.issuer() != null && !target.internal() && !allowRule
                && !issuers.isIssuerDomain(det.issuer(), target.host())) {
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- outcomes

    private Decision.Builder allow(Decision.Builder d, String reason) {
        d.action = Action.ALLOW;
        d.reason = reason;
        return d;
    }

    private Decision.Builder block(Decision.Builder d, String reason, String rule) {
        d.action = Action.BLOCK;
        d.reason = reason;
        d.rule = rule;
        return d;
    }

    private Decision.Builder allowWithWarnings(Decision.Builder d, Findings found, String reason) {
        d.action = Action.ALLOW;
        d.reason = reason;
        d.detections = found.detections;
        d.riskScore = RiskScorer.score(found.detections, d.target == null ? 1.0 : d.target.riskLevel().multiplier(), counted);
        List<String> w = new ArrayList<>(found.warnings);
        if (!found.isEmpty()) {
            w.add(Reasons.detected(found.detections, allTypes(found), null));
        }
        d.warnings = w;
        return d;
    }

    private void apply(Decision.Builder d, Findings found, Proposal p) {
        d.detections = found.detections;
        d.riskScore = p.score;
        d.action = p.action;
        List<String> w = new ArrayList<>(found.warnings);
        if (p.action == Action.ALLOW) {
            d.reason = "allowed";
            if (!found.isEmpty()) {
                w.add(Reasons.detected(found.detections, allTypes(found), null)
                        + " (risk score " + format(p.score) + ", threshold " + format(policy.riskThreshold()) + ")");
            }
        } else if (p.reasonText != null) {
            d.reason = p.reasonText;
        } else {
            d.reason = Reasons.detected(found.detections, p.types, d.target) + (p.suffix == null ? "" : p.suffix);
        }
        d.warnings = w;
        if (!policy.auditAllowed() && d.action == Action.ALLOW && found.isEmpty()) {
            d.recorded = false;
        }
    }

    // ---------------------------------------------------------------- helpers

    private UrlFacts urlFacts(String rawUrl) {
        UrlParts url = UrlParts.parse(rawUrl);
        return new UrlFacts(target(url, Masking.url(rawUrl, List.of())), RuleMatch.find(requestRules, url.ruleForm()),
                inspector.inspectUrl(rawUrl));
    }

    private Target target(UrlParts url, String maskedUrl) {
        String host = url.bareHost();
        boolean internal = internalHosts.isInternal(host);
        dev.egressguard.config.Endpoint e = registry.match(host, url.path).orElse(null);
        RiskLevel risk = e != null ? e.riskLevel() : internal ? RiskLevel.LOW : policy.unknownEndpointRisk();
        return new Target(maskedUrl, host, e, risk, internal);
    }

    private static boolean isExfil(Target t) {
        return t.endpoint() != null && t.endpoint().category() == EndpointCategory.EXFIL;
    }

    private static Target riskiest(List<Target> targets) {
        Target worst = null;
        for (Target t : targets) {
            if (worst == null || t.riskLevel().ordinal() < worst.riskLevel().ordinal()) {
                worst = t;
            }
        }
        return worst;
    }

    private static List<Detection> locatedAt(Findings f, String location) {
        List<Detection> out = new ArrayList<>();
        for (Detection d : f.detections) {
            if (d.location().equals(location)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The command line with credential slots, detected values and URL credentials masked. */
    private String maskedCommand(List<String> argv, CommandAnalysis analysis, Findings found) {
        List<String> out = new ArrayList<>(argv);
        for (NetworkInvocation inv : analysis.invocations()) {
            for (Payload p : inv.payloads()) {
                if (p.argIndex() < 0 || p.text() == null || p.argIndex() >= out.size()) {
                    continue;
                }
                String masked;
                if (p.credentialSlot()) {
                    masked = Masking.credentialSlot(p.text());
                } else if (found.byPayload.containsKey(p)) {
                    masked = Redactor.redactText(p.text(), found.byPayload.get(p), Masking.MASK, inspector);
                    if (masked == null) {
                        masked = Masking.MASK;
                    }
                } else {
                    continue;
                }
                out.set(p.argIndex(), out.get(p.argIndex()).replace(p.text(), masked));
            }
        }
        return Masking.credentials(CommandAnalyzer.commandLine(out));
    }

    /** The body as its detections' offsets count: the text as sent, or as decoded when compressed. */
    private static String bodyText(EgressRequest req, Inspection body) {
        if (req.header("Content-Encoding") != null) {
            return body.inspectedText();
        }
        return new String(req.body(), StandardCharsets.UTF_8);
    }

    private static Set<PatternType> allTypes(Findings f) {
        EnumSet<PatternType> s = EnumSet.noneOf(PatternType.class);
        for (Detection d : f.detections) {
            s.add(d.type());
        }
        return s;
    }

    private static Set<PatternType> countedTypes(Policy policy) {
        EnumSet<PatternType> s = EnumSet.copyOf(policy.sensitivePatterns());
        // custom types count whenever the policy configures them (SPEC §5.5)
        if (!policy.customKeywords().isEmpty()) {
            s.add(PatternType.CUSTOM_KEYWORD);
        }
        if (!policy.customRegex().isEmpty()) {
            s.add(PatternType.CUSTOM_REGEX);
        }
        return s;
    }

    static String format(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    /** The proposals of step 8 and the one that wins. */
    private static final class Proposal {
        Action action = Action.ALLOW;
        Set<PatternType> types = EnumSet.noneOf(PatternType.class);
        String suffix;
        String reasonText;
        double score;

        void propose(Action a, Set<PatternType> t, String why) {
            if (a.isMoreSevereThan(action)) {
                action = a;
                types = EnumSet.noneOf(PatternType.class);
                types.addAll(t);
                suffix = why;
                reasonText = null;
            } else if (a == action && reasonText == null) {
                types.addAll(t);
            }
        }

        void proposeReason(Action a, String reason) {
            if (a.isMoreSevereThan(action)) {
                action = a;
                reasonText = reason;
                types = EnumSet.noneOf(PatternType.class);
            }
        }
    }
}
