package dev.egressguard.instrumentation.urlconnection;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.jdk.UrlConnectionBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.net.HttpURLConnection;

/** Inlined into the private {@code writeRequests}: the last point before request bytes go out (redirect hops). */
public final class WriteRequestsAdvice {
    private WriteRequestsAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.This HttpURLConnection connection,
                      @Advice.FieldValue("userHeaders") Object userHeaders,
                      @Advice.FieldValue(value = "poster", readOnly = false, typing = Assigner.Typing.DYNAMIC)
                      Object poster,
                      @Advice.FieldValue("fixedContentLength") int fixedContentLength,
                      @Advice.FieldValue("fixedContentLengthLong") long fixedContentLengthLong,
                      @Advice.FieldValue("chunkLength") int chunkLength) throws EgressBlockedException {
        try {
            boolean streaming = fixedContentLength != -1 || fixedContentLengthLong != -1 || chunkLength != -1;
            long fixedLength = fixedContentLengthLong != -1 ? fixedContentLengthLong : fixedContentLength;
            Object decided = UrlConnectionBridge.beforeWrite(connection, userHeaders, poster, streaming,
                    chunkLength != -1 ? -1 : fixedLength);
            if (decided != poster) {
                poster = decided;
            }
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            EgressDispatcher.internalError("urlconnection", t);
        }
    }
}
