package dev.egressguard.agent;

import dev.egressguard.instrumentation.DirectInstrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The agent's only transformer: it compares each loaded class's name with the instrumented ones. JDK classes
 * are rewritten directly ({@link DirectInstrumentation}); library classes go to Byte Buddy's transformer, built
 * the first time one of them appears (or ahead, on the start-up thread, when the application has such a
 * library), with its results kept in the {@link TransformCache} so later runs skip Byte Buddy. A program that
 * uses only the JDK's HTTP stack never starts Byte Buddy.
 */
final class LazyTransformer implements ClassFileTransformer {
    private final Map<String, DirectInstrumentation> direct;
    private final Set<String> viaByteBuddy;
    private final Supplier<ClassFileTransformer> factory;
    private final TransformCache cache;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile ClassFileTransformer delegate;
    private volatile boolean failed;

    /** Keys and names slash-separated, as the JVM passes them to transformers. */
    LazyTransformer(Map<String, DirectInstrumentation> direct, Set<String> viaByteBuddy,
                    Supplier<ClassFileTransformer> factory, TransformCache cache) {
        this.direct = direct;
        this.viaByteBuddy = viaByteBuddy;
        this.factory = factory;
        this.cache = cache;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (className == null) {
            return null;
        }
        DirectInstrumentation path = direct.get(className);
        if (path != null) {
            try {
                return path.rewrite(className.replace('/', '.'), classfileBuffer);
            } catch (Throwable t) {
                if (warned.add(path.channel())) {
                    System.err.println("[egress-guard] cannot instrument " + className.replace('/', '.') + " ("
                            + path.channel() + "), left unguarded: " + t);
                }
                return null;
            }
        }
        if (!viaByteBuddy.contains(className)) {
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

    /** Builds Byte Buddy's transformer ahead of any class asking for it, once per agent build (see {@link TransformCache#markBuiltAhead}). */
    void warmUp() {
        if (delegate() != null) {
            cache.markBuiltAhead();
        }
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
