package dev.egressguard.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The agent's only transformer at start-up: it compares each loaded class's name with the instrumented ones
 * and delegates those to Byte Buddy's transformer, built by the start-up thread (or by the first class that
 * needs it, whichever comes first), so premain itself never waits for Byte Buddy.
 */
final class LazyTransformer implements ClassFileTransformer {
    private final Set<String> internalNames;
    private final Supplier<ClassFileTransformer> factory;
    private final TransformCache cache;
    private volatile ClassFileTransformer delegate;
    private volatile boolean failed;

    /** {@code internalNames}: slash-separated, as the JVM passes them to transformers. */
    LazyTransformer(Set<String> internalNames, Supplier<ClassFileTransformer> factory, TransformCache cache) {
        this.internalNames = internalNames;
        this.factory = factory;
        this.cache = cache;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (className == null || !internalNames.contains(className)) {
            return null;
        }
        byte[] cached = cache.get(className, classfileBuffer);
        if (cached != null) {
            return cached;
        }
        ClassFileTransformer transformer = delegate();
        if (transformer == null) {
            return null;
        }
        byte[] out = transformer.transform(module, loader, className, classBeingRedefined, protectionDomain,
                classfileBuffer);
        cache.put(className, classfileBuffer, out);
        return out;
    }

    /** Whether Byte Buddy is worth building before a class asks for it: not when earlier runs left transforms. */
    boolean wantsWarmUp() {
        return !cache.isWarm();
    }

    ClassFileTransformer delegate() {
        ClassFileTransformer transformer = delegate;
        if (transformer == null && !failed) {
            synchronized (this) {
                transformer = delegate;
                if (transformer == null && !failed) {
                    try {
                        transformer = factory.get();
                        delegate = transformer;
                    } catch (Throwable t) {
                        failed = true;
                        System.err.println("[egress-guard] instrumentation failed, egress is not guarded: " + t);
                    }
                }
            }
        }
        return transformer;
    }
}
