package dev.egressguard.instrumentation.urlconnection;

import dev.egressguard.instrumentation.ClassRewriter;
import dev.egressguard.instrumentation.DirectInstrumentation;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.Set;

/**
 * {@code HttpURLConnection}, http and https (the https implementation delegates to a subclass of the same
 * class), {@code URL.openStream} included: see {@link dev.egressguard.api.jdk.UrlConnectionBridge} for where
 * each kind of body is decided. Three entries of {@code sun.net.www.protocol.http.HttpURLConnection}:
 * {@code getInputStream} and {@code writeRequests} ({@code poster = UrlConnectionBridge.before...(this, ...)}),
 * and {@code getOutputStream} (returns the bridge's holding stream when it gives one).
 */
public final class UrlConnectionInstrumentation implements DirectInstrumentation {
    public static final String CHANNEL = "urlconnection";
    static final String CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";
    private static final String OWNER = "sun/net/www/protocol/http/HttpURLConnection";
    private static final String BRIDGE = "dev/egressguard/api/jdk/UrlConnectionBridge";
    private static final String POSTER = "sun/net/www/http/PosterOutputStream";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(CONNECTION);
    }

    @Override
    public byte[] rewrite(String className, byte[] classfile) {
        return new ClassRewriter()
                .patch("getInputStream()Ljava/io/InputStream;",
                        mv -> ClassRewriter.atEntry(mv, code -> replacePoster(code, "beforeResponse")))
                .patch("writeRequests()V", mv -> ClassRewriter.atEntry(mv, code -> replacePoster(code, "beforeWrite")))
                .patch("getOutputStream()Ljava/io/OutputStream;",
                        mv -> ClassRewriter.atEntry(mv, UrlConnectionInstrumentation::holdStreamingBody))
                .rewrite(classfile);
    }

    /** {@code poster = (PosterOutputStream) UrlConnectionBridge.<method>(this, userHeaders, poster, fixed, fixedLong, chunk);} */
    private static void replacePoster(MethodVisitor code, String method) {
        code.visitVarInsn(Opcodes.ALOAD, 0);
        field(code, "userHeaders", "Lsun/net/www/MessageHeader;");
        field(code, "poster", "L" + POSTER + ";");
        streamingFields(code);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, method,
                "(Ljava/net/HttpURLConnection;Ljava/lang/Object;Ljava/lang/Object;IJI)Ljava/lang/Object;", false);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitInsn(Opcodes.SWAP);
        code.visitTypeInsn(Opcodes.CHECKCAST, POSTER);
        code.visitFieldInsn(Opcodes.PUTFIELD, OWNER, "poster", "L" + POSTER + ";");
    }

    /** {@code OutputStream held = UrlConnectionBridge.streamingOutput(...); if (held != null) return held;} */
    private static void holdStreamingBody(MethodVisitor code) {
        Label jdk = new Label();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        field(code, "userHeaders", "Lsun/net/www/MessageHeader;");
        field(code, "doOutput", "Z");
        streamingFields(code);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "streamingOutput",
                "(Ljava/net/HttpURLConnection;Ljava/lang/Object;ZIJI)Ljava/io/OutputStream;", false);
        code.visitInsn(Opcodes.DUP);
        code.visitJumpInsn(Opcodes.IFNULL, jdk);
        code.visitInsn(Opcodes.ARETURN);
        code.visitLabel(jdk);
        code.visitFrame(Opcodes.F_NEW, 1, new Object[] {OWNER}, 1, new Object[] {"java/io/OutputStream"});
        code.visitInsn(Opcodes.POP);
    }

    private static void streamingFields(MethodVisitor code) {
        field(code, "fixedContentLength", "I");
        field(code, "fixedContentLengthLong", "J");
        field(code, "chunkLength", "I");
    }

    private static void field(MethodVisitor code, String name, String descriptor) {
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitFieldInsn(Opcodes.GETFIELD, OWNER, name, descriptor);
    }
}
