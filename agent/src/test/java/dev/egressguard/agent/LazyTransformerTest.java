package dev.egressguard.agent;

import dev.egressguard.instrumentation.DirectInstrumentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyTransformerTest {
    static DirectInstrumentation path(String name, boolean fails) {
        return new DirectInstrumentation() {
            @Override
            public byte[] rewrite(String className, byte[] classfile) {
                if (fails) {
                    throw new IllegalStateException(className + " has no method start(...)");
                }
                return new byte[] {42};
            }

            @Override
            public String channel() {
                return "test-channel";
            }

            @Override
            public Set<String> typeNames() {
                return Set.of(name);
            }
        };
    }

    @Test
    void rewritesOnlyTheNamedClassesAndNeverBuildsByteBuddyForThem() throws Exception {
        AtomicInteger built = new AtomicInteger();
        LazyTransformer t = new LazyTransformer(Map.of("a/B", path("a.B", false)), Set.of("lib/C"),
                () -> {
                    built.incrementAndGet();
                    return null;
                }, TransformCache.NONE);
        assertArrayEquals(new byte[] {42}, t.transform(null, null, "a/B", null, null, new byte[] {1}));
        assertNull(t.transform(null, null, "other/D", null, null, new byte[] {1}));
        assertEquals(0, built.get(), "no library class seen: Byte Buddy not built");
        t.transform(null, null, "lib/C", null, null, new byte[] {1});
        assertEquals(1, built.get());
    }

    @Test
    void byteBuddyIsBuiltAheadOncePerAgentBuildNotAtEveryStart(@TempDir Path dir) throws Exception {
        File jar = Files.write(dir.resolve("agent.jar"), new byte[] {1}).toFile();
        AtomicInteger built = new AtomicInteger();
        Supplier<ClassFileTransformer> byteBuddy = () -> {
            built.incrementAndGet();
            return new ClassFileTransformer() { };
        };
        LazyTransformer first = new LazyTransformer(Map.of(), Set.of("lib/C"), byteBuddy,
                TransformCache.in(dir.resolve("cache"), jar));
        assertTrue(first.wantsWarmUp());
        first.warmUp();
        assertEquals(1, built.get());
        // the next start of a program that never loaded lib/C: nothing cached, yet no second build ahead
        LazyTransformer next = new LazyTransformer(Map.of(), Set.of("lib/C"), byteBuddy,
                TransformCache.in(dir.resolve("cache"), jar));
        assertFalse(next.wantsWarmUp());
        // a failed build leaves no note: the next start tries again
        LazyTransformer failing = new LazyTransformer(Map.of(), Set.of("lib/C"), () -> null,
                TransformCache.in(dir.resolve("other"), jar));
        failing.warmUp();
        assertTrue(new LazyTransformer(Map.of(), Set.of("lib/C"), byteBuddy,
                TransformCache.in(dir.resolve("other"), jar)).wantsWarmUp());
    }

    @Test
    void aClassThatCannotBeRewrittenIsLeftAloneWithOneWarning() throws Exception {
        LazyTransformer t = new LazyTransformer(Map.of("a/B", path("a.B", true), "a/C", path("a.C", true)), Set.of(),
                () -> null, TransformCache.NONE);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertNull(t.transform(null, null, "a/B", null, null, new byte[] {1}));
            assertNull(t.transform(null, null, "a/C", null, null, new byte[] {1}));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().count(), log);
        assertEquals(true, log.startsWith("[egress-guard] cannot instrument a.B (test-channel), left unguarded"), log);
    }
}
