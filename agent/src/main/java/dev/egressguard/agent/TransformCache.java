package dev.egressguard.agent;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Instrumented class files from earlier runs, so that a JVM whose classes were all seen before
 * starts without building Byte Buddy at all (its ~1,100 classes are most of the agent's start-up).
 * A transform depends only on the original class file and the agent build, so the key is the
 * class name, the original's length and CRC, under a folder named for the agent jar.
 *
 * <p>These bytes become JDK code, so the cache is trusted only in a folder of the current user's
 * own with no access for anyone else; anything else disables it.
 */
final class TransformCache {
    static final TransformCache NONE = new TransformCache(null);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Not a class file name (those end in .class): {@link #get} never reads it as a transform. */
    private static final String BUILT_AHEAD = "built-ahead";

    private final Path dir;

    private TransformCache(Path dir) {
        this.dir = dir;
    }

    /** The cache for this agent build, or {@link #NONE} when there is no private folder to keep it. */
    static TransformCache open() {
        try {
            if (Boolean.getBoolean("egressguard.noTransformCache")) {
                return NONE;
            }
            File jar = agentJar();
            if (jar == null) {
                return NONE;
            }
            Path root = privateFolder(Paths.get(System.getProperty("user.home"), ".cache", "egress-guard"));
            if (root == null) {
                root = privateFolder(Paths.get(System.getProperty("java.io.tmpdir"),
                        "egress-guard-" + System.getProperty("user.name")));
            }
            if (root == null) {
                return NONE;
            }
            return in(root, jar);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** The cache of this agent jar's build under {@code root}, a private folder. */
    static TransformCache in(Path root, File jar) {
        if (privateFolder(root) == null) {
            return NONE;
        }
        String build = Long.toHexString(crc(jar.getAbsolutePath() + "|" + jar.length() + "|" + jar.lastModified()));
        Path dir = privateFolder(root.resolve("transforms-" + build));
        return dir == null ? NONE : new TransformCache(dir);
    }

    boolean isEnabled() {
        return dir != null;
    }

    /**
     * Whether earlier runs left anything here: transforms, or the note that one built Byte Buddy ahead. Then
     * Byte Buddy is not built in advance again; a library class none of them met builds it when it loads.
     */
    boolean isWarm() {
        if (dir == null) {
            return false;
        }
        String[] names = dir.toFile().list();
        return names != null && names.length > 0;
    }

    /**
     * Notes that this run built Byte Buddy ahead. A program with OkHttp or Apache on its class path that
     * never loads their clients caches no transform, and without this note it would build Byte Buddy in
     * the background of every start (on two cores, 0.15 s more start-up each time).
     */
    void markBuiltAhead() {
        if (dir == null) {
            return;
        }
        try {
            Files.write(dir.resolve(BUILT_AHEAD), new byte[0]);
        } catch (IOException | RuntimeException e) {
            // without the note, the next start only builds Byte Buddy ahead once more
        }
    }

    /** The transformed class file, or null on a miss. */
    byte[] get(String className, byte[] original) {
        if (dir == null) {
            return null;
        }
        try {
            byte[] b = Files.readAllBytes(dir.resolve(fileName(className, original)));
            return b.length == 0 ? null : b;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Keeps a transform. A class left unchanged is not kept: that may be a failure Byte Buddy
     * reported once, and a later run must try (and report) again rather than skip it silently.
     */
    void put(String className, byte[] original, byte[] transformed) {
        if (dir == null || transformed == null) {
            return;
        }
        Path f = dir.resolve(fileName(className, original));
        try {
            Path tmp = Files.createTempFile(dir, "t", ".tmp");
            Files.write(tmp, transformed);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next start its Byte Buddy time
        }
    }

    private static String fileName(String className, byte[] original) {
        CRC32 crc = new CRC32();
        crc.update(original);
        return className.replace('/', '.') + "-" + original.length + "-" + Long.toHexString(crc.getValue()) + ".class";
    }

    /** The folder, created owner-only if missing; null unless it is ours and closed to everyone else. */
    private static Path privateFolder(Path p) {
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(p.getParent());
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return null;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_EXECUTE);
            others.retainAll(perms);
            return others.isEmpty() ? p : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The agent jar, from where the isolated loader found this class. */
    private static File agentJar() {
        URL u = TransformCache.class.getClassLoader().getResource("dev/egressguard/agent/TransformCache.class");
        if (u == null || !"jar".equals(u.getProtocol())) {
            return null;
        }
        String s = u.getPath();
        int bang = s.indexOf("!/");
        if (!s.startsWith("file:") || bang < 0) {
            return null;
        }
        try {
            return Paths.get(new java.net.URI(s.substring(0, bang))).toFile();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static long crc(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
