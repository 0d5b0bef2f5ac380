package dev.egressguard.agent;

import dev.egressguard.instrumentation.DirectInstrumentation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
