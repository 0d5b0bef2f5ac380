package dev.egressguard.instrumentation.process;

import dev.egressguard.instrumentation.ClassRewriter;
import dev.egressguard.instrumentation.DirectInstrumentation;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.Set;

/**
 * Child processes: {@code java.lang.ProcessImpl.start} is the static chokepoint every
 * {@code ProcessBuilder.start} and {@code Runtime.exec} form passes (same signature on JDK 11-25). At its
 * entry: {@code cmdarray = ProcessBridge.beforeStart(cmdarray, dir)}.
 */
public final class ProcessInstrumentation implements DirectInstrumentation {
    public static final String CHANNEL = "process";
    static final String PROCESS_IMPL = "java.lang.ProcessImpl";
    private static final String START = "start([Ljava/lang/String;Ljava/util/Map;Ljava/lang/String;"
            + "[Ljava/lang/ProcessBuilder$Redirect;Z)Ljava/lang/Process;";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(PROCESS_IMPL);
    }

    @Override
    public byte[] rewrite(String className, byte[] classfile) {
        return new ClassRewriter().patch(START, mv -> ClassRewriter.atEntry(mv, code -> {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/egressguard/api/jdk/ProcessBridge", "beforeStart",
                    "([Ljava/lang/String;Ljava/lang/String;)[Ljava/lang/String;", false);
            code.visitVarInsn(Opcodes.ASTORE, 0);
        })).rewrite(classfile);
    }
}
