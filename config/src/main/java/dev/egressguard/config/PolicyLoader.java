package dev.egressguard.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and validates policy YAML (SPEC §5.1) in both styles into a {@link Policy}.
 * Every problem is reported as {@code file:line:col: message}, all of them at once, as a
 * {@link PolicyException}; hostile input (huge, binary, alias bombs, deep nesting) is an
 * error in bounded time, never a hang or a stack trace.
 * CONTRACT (owned by the config helper): keep these signatures.
 */
public final class PolicyLoader {

    private final EndpointRegistry registry;

    public PolicyLoader(EndpointRegistry registry) {
        this.registry = registry;
    }

    public Policy load(Path file) throws PolicyException {
        String name = file.toString();
        PolicyErrors errors = new PolicyErrors(name);
        byte[] bytes = readBounded(file, errors);
        String text = bytes == null ? null : PolicyText.decode(bytes, errors);
        if (text == null) {
            throw errors.toException();
        }
        return parseChecked(text, errors);
    }

    /** @param fileName the name errors carry, e.g. {@code policy.yaml} */
    public Policy parse(String yaml, String fileName) throws PolicyException {
        PolicyErrors errors = new PolicyErrors(fileName);
        String text = PolicyText.check(yaml == null ? "" : yaml, errors);
        if (text == null) {
            throw errors.toException();
        }
        return parseChecked(text, errors);
    }

    private Policy parseChecked(String text, PolicyErrors errors) throws PolicyException {
        YamlNode root = YamlTreeReader.read(text, errors);
        if (root == null) {
            throw errors.toException();
        }
        Policy.Builder b = new Policy.Builder();
        b.source = errors.file();
        new PolicyReader(registry, errors).read(root, b);
        if (!errors.isEmpty()) {
            throw errors.toException();
        }
        return b.build();
    }

    /** The file's bytes, reading at most one byte past the limit so a huge file costs nothing. */
    private static byte[] readBounded(Path file, PolicyErrors errors) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(PolicyText.MAX_BYTES + 1);
            if (bytes.length > PolicyText.MAX_BYTES) {
                long size = bytes.length;
                try {
                    size = Files.size(file);
                } catch (IOException e) {
                    // keep the lower bound we know
                }
                errors.add(1, 1, "policy file too large (" + size + " bytes; the limit is " + PolicyText.MAX_BYTES + ")");
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            errors.add(1, 1, "policy file not found; check the 'policy' setting");
        } catch (IOException | RuntimeException e) {
            errors.add(1, 1, "cannot read policy file: " + (Files.isDirectory(file) ? "it is a directory"
                    : String.valueOf(e.getMessage())));
        }
        return null;
    }
}
