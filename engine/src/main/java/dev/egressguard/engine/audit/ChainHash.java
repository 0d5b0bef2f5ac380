package dev.egressguard.engine.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link of the audit chain (SPEC §8): lower-case hex SHA-256, or HMAC-SHA256 with the
 * audit key, of {@code prevHash + "\n" + canonical JSON of the record without hash}.
 * Not thread-safe: one per writer or verifier.
 */
public final class ChainHash {
    /** The first record's prevHash. */
    public static final String GENESIS = "0000000000000000000000000000000000000000000000000000000000000000";

    private final MessageDigest sha;
    private final Mac mac;

    public ChainHash(String key) {
        try {
            if (key == null || key.isEmpty()) {
                sha = MessageDigest.getInstance("SHA-256");
                mac = null;
            } else {
                sha = null;
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public boolean keyed() {
        return mac != null;
    }

    /** {@code sha256} or {@code hmac-sha256}, as the checkpoint names the chain. */
    public String algorithm() {
        return mac != null ? "hmac-sha256" : "sha256";
    }

    public String next(String prevHash, String canonicalWithoutHash) {
        byte[] in = (prevHash + "\n" + canonicalWithoutHash).getBytes(StandardCharsets.UTF_8);
        return hex(mac != null ? mac.doFinal(in) : sha.digest(in));
    }

    /** As {@link #next(String, String)}, for the record already in UTF-8: no concatenated copy of it. */
    public String next(String prevHash, byte[] canonicalWithoutHash, int length) {
        byte[] prefix = (prevHash + "\n").getBytes(StandardCharsets.UTF_8);
        if (mac != null) {
            mac.update(prefix);
            mac.update(canonicalWithoutHash, 0, length);
            return hex(mac.doFinal());
        }
        sha.update(prefix);
        sha.update(canonicalWithoutHash, 0, length);
        return hex(sha.digest());
    }

    public static String sha256Hex(byte[] data) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }
}
