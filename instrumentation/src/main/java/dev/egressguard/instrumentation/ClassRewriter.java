package dev.egressguard.instrumentation;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rewrites named methods of one class with ASM (the copy inside Byte Buddy, a few dozen classes). Frames are
 * read expanded, so a patch that branches declares its frame with {@code F_NEW}; maxima are recomputed.
 */
public final class ClassRewriter {
    private final Map<String, UnaryOperator<MethodVisitor>> patches = new LinkedHashMap<>();

    /** Patches the method with this name and descriptor ({@code name + descriptor}, e.g. {@code "send(...)..."}). */
    public ClassRewriter patch(String nameAndDescriptor, UnaryOperator<MethodVisitor> patch) {
        patches.put(nameAndDescriptor, patch);
        return this;
    }

    /** The rewritten class; throws when a patched method is missing, so the failure is reported, not silent. */
    public byte[] rewrite(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        Map<String, UnaryOperator<MethodVisitor>> remaining = new LinkedHashMap<>(patches);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                UnaryOperator<MethodVisitor> patch = remaining.remove(name + descriptor);
                return patch == null ? mv : patch.apply(mv);
            }
        }, ClassReader.EXPAND_FRAMES);
        if (!remaining.isEmpty()) {
            throw new IllegalStateException(reader.getClassName() + " has no method " + remaining.keySet());
        }
        return writer.toByteArray();
    }

    /** A visitor that inserts {@code code} at the start of the method. */
    public static MethodVisitor atEntry(MethodVisitor mv, java.util.function.Consumer<MethodVisitor> code) {
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitCode() {
                super.visitCode();
                code.accept(mv);
            }
        };
    }
}
