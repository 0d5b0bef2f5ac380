package dev.egressguard.engine.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The files of one audit trail: {@code <audit>} (current), {@code <audit>.1}, {@code <audit>.2}, ...
 * (rotated, oldest first: a higher number is newer), {@code <audit>.head} (checkpoint) and
 * {@code <audit>.lock} (the cross-process lock; never renamed, so every writer locks the same file).
 */
public final class AuditFiles {
    private AuditFiles() {
    }

    public static Path head(Path audit) {
        return sibling(audit, ".head");
    }

    public static Path lock(Path audit) {
        return sibling(audit, ".lock");
    }

    static Path sibling(Path audit, String suffix) {
        return audit.resolveSibling(audit.getFileName().toString() + suffix);
    }

    /** Rotated files, oldest first. */
    public static List<Path> rotated(Path audit) throws IOException {
        Path dir = audit.toAbsolutePath().getParent();
        String prefix = audit.getFileName().toString() + ".";
        TreeMap<Long, Path> byIndex = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix)) {
                    String tail = name.substring(prefix.length());
                    if (!tail.isEmpty() && tail.length() < 10 && tail.chars().allMatch(Character::isDigit)) {
                        byIndex.put(Long.parseLong(tail), audit.resolveSibling(name));
                    }
                }
            }
        }
        return new ArrayList<>(byIndex.values());
    }

    /** Every file of the trail in chain order: rotated files oldest first, then the current one if present. */
    public static List<Path> chain(Path audit) throws IOException {
        List<Path> all = rotated(audit);
        if (Files.exists(audit)) {
            all.add(audit);
        }
        return all;
    }

    /** The name the current file gets when it is rotated: one past the highest existing index. */
    static Path nextRotated(Path audit) throws IOException {
        List<Path> r = rotated(audit);
        long next = 1;
        if (!r.isEmpty()) {
            String name = r.get(r.size() - 1).getFileName().toString();
            next = Long.parseLong(name.substring(name.lastIndexOf('.') + 1)) + 1;
        }
        return sibling(audit, "." + next);
    }
}
