package dev.egressguard.engine.decision;

import dev.egressguard.config.RuleKind;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.inspect.Detection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's answer for one application request or command (SPEC §5.6, §8, §10). Immutable.
 * Carries no raw detected value: URL, command and preview are masked.
 */
public final class Decision {
    private final RuleKind kind;
    private final String channel;
    private final String method;
    private final Target target;
    private final String command;
    private final Action action;
    private final boolean enforced;
    private final String reason;
    private final String rule;
    private final double riskScore;
    private final List<Detection> detections;
    private final List<String> warnings;
    private final byte[] sanitizedBody;
    private final List<String> sanitizedArgv;
    private final byte[] content;
    private final long contentBytes;
    private final Supplier<String> previewSource;
    private volatile String contentSha256;
    private volatile String preview;
    private final boolean recorded;
    private final long micros;

    private Decision(Builder b) {
        kind = b.kind;
        channel = b.channel;
        method = b.method;
        target = b.target;
        command = b.command;
        action = b.action;
        enforced = b.enforced;
        reason = b.reason;
        rule = b.rule;
        riskScore = b.riskScore;
        detections = List.copyOf(b.detections);
        warnings = List.copyOf(b.warnings);
        sanitizedBody = b.sanitizedBody;
        sanitizedArgv = b.sanitizedArgv == null ? null : List.copyOf(b.sanitizedArgv);
        content = b.content;
        contentBytes = b.contentBytes;
        previewSource = b.previewSource;
        recorded = b.recorded;
        micros = b.micros;
    }

    public RuleKind kind() { return kind; }
    /** {@code jdk-httpclient}, {@code urlconnection}, {@code okhttp}, {@code apache-httpclient4}, {@code apache-httpclient5}, {@code process}, {@code api}, {@code cli}. */
    public String channel() { return channel; }
    public String method() { return method; }
    /** The destination; for commands, the first network destination, or null when there is none. */
    public Target target() { return target; }
    /** For processes, the masked command line; else null. */
    public String command() { return command; }
    public Action action() { return action; }
    /** False in monitor mode: the action was computed, the traffic left unchanged. */
    public boolean enforced() { return enforced; }
    public String reason() { return reason; }
    /** The rule that decided, as {@link dev.egressguard.config.Rule#describe()}, or null. */
    public String rule() { return rule; }
    public double riskScore() { return riskScore; }
    public List<Detection> detections() { return detections; }
    public List<String> warnings() { return warnings; }
    /** The redacted body when the action is REDACT on a request with a body; else null. */
    public byte[] sanitizedBody() { return sanitizedBody; }
    /** The rewritten argv when the action is REDACT on a command; else null. */
    public List<String> sanitizedArgv() { return sanitizedArgv; }
    /** Lower-case hex SHA-256 of the inspected content, or null when there was none; computed on first use. */
    public String contentSha256() {
        String h = contentSha256;
        if (h == null && content != null) {
            contentSha256 = h = sha256Hex(content);
        }
        return h;
    }
    public long contentBytes() { return contentBytes; }
    /** The first 500 characters of the inspected content with every detected span masked; computed on first use. */
    public String preview() {
        String p = preview;
        if (p == null && previewSource != null) {
            preview = p = previewSource.get();
        }
        return p;
    }
    /** Whether this decision belongs in the audit log (plain allows may not, SPEC §7, §8). */
    public boolean recorded() { return recorded; }
    public long micros() { return micros; }

    public boolean blocks() { return enforced && action == Action.BLOCK; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind; b.channel = channel; b.method = method; b.target = target; b.command = command;
        b.action = action; b.enforced = enforced; b.reason = reason; b.rule = rule; b.riskScore = riskScore;
        b.detections = detections; b.warnings = warnings; b.sanitizedBody = sanitizedBody;
        b.sanitizedArgv = sanitizedArgv; b.content = content; b.contentBytes = contentBytes;
        b.previewSource = previewSource; b.recorded = recorded; b.micros = micros;
        return b;
    }

    public static final class Builder {
        public RuleKind kind = RuleKind.NETWORK_REQUEST;
        public String channel = "api";
        public String method;
        public Target target;
        public String command;
        public Action action = Action.ALLOW;
        public boolean enforced = true;
        public String reason = "allowed";
        public String rule;
        public double riskScore;
        public List<Detection> detections = List.of();
        public List<String> warnings = List.of();
        public byte[] sanitizedBody;
        public List<String> sanitizedArgv;
        /** The content the hash is taken of (kept by reference, never written anywhere). */
        public byte[] content;
        public long contentBytes;
        public Supplier<String> previewSource;
        public boolean recorded = true;
        public long micros;

        public Decision build() {
            return new Decision(this);
        }
    }

    /** One digest per thread that hashes content (the audit writer, mostly): getInstance looks up a provider each time. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    });

    static String sha256Hex(byte[] data) {
        byte[] d = SHA256.get().digest(data); // digest() resets it for the next use
        char[] out = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
