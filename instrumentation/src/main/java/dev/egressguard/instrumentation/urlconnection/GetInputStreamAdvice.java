package dev.egressguard.instrumentation.urlconnection;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.jdk.UrlConnectionBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.net.HttpURLConnection;

/**
 * Inlined into {@code getInputStream} (which getResponseCode, getHeaderField and URL.openStream reach):
 * the request is decided before the JDK connects. The JDK's own getOutputStream call inside it is let through
 * ({@link UrlConnectionBridge#enterResponse()}).
 */
public final class GetInputStreamAdvice {
    private GetInputStreamAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.This HttpURLConnection connection,
                      @Advice.FieldValue("userHeaders") Object userHeaders,
                      @Advice.FieldValue(value = "poster", readOnly = false, typing = Assigner.Typing.DYNAMIC)
                      Object poster,
                      @Advice.FieldValue("fixedContentLength") int fixedContentLength,
                      @Advice.FieldValue("fixedContentLengthLong") long fixedContentLengthLong,
                      @Advice.FieldValue("chunkLength") int chunkLength) throws EgressBlockedException {
        UrlConnectionBridge.enterResponse();
        try {
            boolean streaming = fixedContentLength != -1 || fixedContentLengthLong != -1 || chunkLength != -1;
            Object decided = UrlConnectionBridge.beforeResponse(connection, userHeaders, poster, streaming);
            if (decided != poster) {
                poster = decided;
            }
        } catch (EgressBlockedException e) {
            UrlConnectionBridge.exitResponse();
            throw e;
        } catch (Throwable t) {
            EgressDispatcher.internalError("urlconnection", t);
        }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
        UrlConnectionBridge.exitResponse();
    }
}
