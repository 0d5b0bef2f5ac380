package dev.egressguard.instrumentation.jdkhttpclient;

import dev.egressguard.instrumentation.ClassRewriter;
import dev.egressguard.instrumentation.DirectInstrumentation;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.Set;

/**
 * {@code java.net.http.HttpClient} (same internals on JDK 11-25):
 * <ul>
 *   <li>{@code HttpClientImpl.send}: decided at entry, so a block is thrown by {@code send} itself; and an
 *       {@code IOException} it throws because a redirect hop was blocked is replaced by that block;</li>
 *   <li>the private {@code HttpClientImpl.sendAsync(request, handler, pushHandler, executor)} that every send,
 *       sendAsync and facade call meets: decided at entry (unless {@code send} just did); a block returns a
 *       failed future without sending;</li>
 *   <li>{@code RedirectFilter.response}: the next hop it returns is decided before it is sent (a block there
 *       fails the exchange: the future fails with it, and {@code send} throws it).</li>
 * </ul>
 */
public final class JdkHttpClientInstrumentation implements DirectInstrumentation {
    public static final String CHANNEL = "jdk-httpclient";
    static final String CLIENT = "jdk.internal.net.http.HttpClientImpl";
    static final String REDIRECTS = "jdk.internal.net.http.RedirectFilter";
    private static final String HOOKS = "dev/egressguard/api/jdk/JdkHttpClientHooks";
    private static final String REQUEST = "java/net/http/HttpRequest";
    private static final String FUTURE = "java/util/concurrent/CompletableFuture";
    private static final String SEND = "send(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)"
            + "Ljava/net/http/HttpResponse;";
    private static final String SEND_ASYNC = "sendAsync(Ljava/net/http/HttpRequest;"
            + "Ljava/net/http/HttpResponse$BodyHandler;Ljava/net/http/HttpResponse$PushPromiseHandler;"
            + "Ljava/util/concurrent/Executor;)Ljava/util/concurrent/CompletableFuture;";
    private static final String RESPONSE = "response(Ljdk/internal/net/http/Response;)"
            + "Ljdk/internal/net/http/HttpRequestImpl;";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(CLIENT, REDIRECTS);
    }

    @Override
    public void registerHooks() {
        JdkHttpClientBridge.register();
    }

    @Override
    public byte[] rewrite(String className, byte[] classfile) {
        if (className.equals(CLIENT)) {
            return new ClassRewriter()
                    .patch(SEND, mv -> unwrapBlocks(ClassRewriter.atEntry(mv, JdkHttpClientInstrumentation::decideInSend)))
                    .patch(SEND_ASYNC, mv -> ClassRewriter.atEntry(mv, JdkHttpClientInstrumentation::decideInSendAsync))
                    .rewrite(classfile);
        }
        return new ClassRewriter().patch(RESPONSE, JdkHttpClientInstrumentation::decideRedirect).rewrite(classfile);
    }

    /** {@code request = (HttpRequest) JdkHttpClientHooks.beforeSend(request);} */
    private static void decideInSend(MethodVisitor code) {
        code.visitVarInsn(Opcodes.ALOAD, 1);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "beforeSend", "(Ljava/lang/Object;)Ljava/lang/Object;",
                false);
        code.visitTypeInsn(Opcodes.CHECKCAST, REQUEST);
        code.visitVarInsn(Opcodes.ASTORE, 1);
    }

    /**
     * The whole of {@code send} in {@code try { ... } catch (IOException e) { throw
     * JdkHttpClientHooks.thrownBySend(e); }}: {@code send} wraps what failed the exchange in an
     * {@code IOException} of its own, and a blocked redirect hop must reach the application as the block.
     * The handler is the last entry of the exception table, so the method's own handlers keep theirs.
     */
    private static MethodVisitor unwrapBlocks(MethodVisitor mv) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitCode() {
                super.visitCode();
                super.visitLabel(start);
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                super.visitLabel(end);
                super.visitTryCatchBlock(start, end, handler, "java/io/IOException");
                super.visitLabel(handler);
                super.visitFrame(Opcodes.F_NEW, 3, new Object[] {"jdk/internal/net/http/HttpClientImpl", REQUEST,
                        "java/net/http/HttpResponse$BodyHandler"}, 1, new Object[] {"java/io/IOException"});
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "thrownBySend",
                        "(Ljava/io/IOException;)Ljava/io/IOException;", false);
                super.visitInsn(Opcodes.ATHROW);
                super.visitMaxs(maxStack, maxLocals);
            }
        };
    }

    /**
     * {@code Object r = JdkHttpClientHooks.beforeSendAsync(request);
     * if (r instanceof CompletableFuture) return (CompletableFuture) r; request = (HttpRequest) r;}
     */
    private static void decideInSendAsync(MethodVisitor code) {
        Label send = new Label();
        code.visitVarInsn(Opcodes.ALOAD, 1);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "beforeSendAsync",
                "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        code.visitInsn(Opcodes.DUP);
        code.visitTypeInsn(Opcodes.INSTANCEOF, FUTURE);
        code.visitJumpInsn(Opcodes.IFEQ, send);
        code.visitTypeInsn(Opcodes.CHECKCAST, FUTURE);
        code.visitInsn(Opcodes.ARETURN);
        code.visitLabel(send);
        code.visitFrame(Opcodes.F_NEW, 5, new Object[] {"jdk/internal/net/http/HttpClientImpl", REQUEST,
                "java/net/http/HttpResponse$BodyHandler", "java/net/http/HttpResponse$PushPromiseHandler",
                "java/util/concurrent/Executor"}, 1, new Object[] {"java/lang/Object"});
        code.visitTypeInsn(Opcodes.CHECKCAST, REQUEST);
        code.visitVarInsn(Opcodes.ASTORE, 1);
    }

    /** Before every {@code return next;}: {@code JdkHttpClientHooks.beforeRedirect(next);} */
    private static MethodVisitor decideRedirect(MethodVisitor mv) {
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.ARETURN) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "beforeRedirect", "(Ljava/lang/Object;)V",
                            false);
                }
                super.visitInsn(opcode);
            }
        };
    }
}
