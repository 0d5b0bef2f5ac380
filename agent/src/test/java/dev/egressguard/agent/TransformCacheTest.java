package dev.egressguard.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformCacheTest {
    @TempDir
    Path dir;

    private File jar() throws Exception {
        return Files.write(dir.resolve("agent.jar"), new byte[] {1, 2, 3}).toFile();
    }

    @Test
    void keepsTransformsKeyedByTheOriginalClassFile() throws Exception {
        TransformCache cache = TransformCache.in(dir.resolve("cache"), jar());
        assertTrue(cache.isEnabled());
        assertFalse(cache.isWarm());
        byte[] original = {10, 20, 30};
        assertNull(cache.get("a/B", original));
        cache.put("a/B", original, new byte[] {7, 7});
        assertArrayEquals(new byte[] {7, 7}, cache.get("a/B", original));
        assertNull(cache.get("a/B", new byte[] {10, 20, 31}), "another class file is another key");
        assertTrue(cache.isWarm());
    }

    @Test
    void aRunThatBuiltByteBuddyAheadSparesTheNextOneThatWork() throws Exception {
        File jar = jar();
        TransformCache cache = TransformCache.in(dir.resolve("cache"), jar);
        assertFalse(cache.isWarm());
        cache.markBuiltAhead();
        TransformCache next = TransformCache.in(dir.resolve("cache"), jar);
        assertTrue(next.isWarm());
        byte[] original = {10, 20, 30};
        assertNull(next.get("a/B", original), "the note is no transform");
    }

    @Test
    void unchangedClassesAreNotKeptSoFailuresAreRetried() throws Exception {
        TransformCache cache = TransformCache.in(dir.resolve("cache"), jar());
        cache.put("a/B", new byte[] {1}, null);
        assertNull(cache.get("a/B", new byte[] {1}));
        assertFalse(cache.isWarm());
    }

    @Test
    void aFolderOthersCanWriteIsNotTrusted() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFalse(TransformCache.in(shared, jar()).isEnabled());
        Path fresh = dir.resolve("fresh");
        assertTrue(TransformCache.in(fresh, jar()).isEnabled());
        assertTrue(Files.getPosixFilePermissions(fresh).equals(PosixFilePermissions.fromString("rwx------")));
    }

    @Test
    void aRebuiltJarUsesAFreshFolder() throws Exception {
        File jar = jar();
        TransformCache first = TransformCache.in(dir.resolve("cache"), jar);
        first.put("a/B", new byte[] {1}, new byte[] {2});
        Files.write(jar.toPath(), new byte[] {1, 2, 3, 4});
        assertNull(TransformCache.in(dir.resolve("cache"), jar).get("a/B", new byte[] {1}));
    }
}
