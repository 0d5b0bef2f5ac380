package dev.egressguard.instrumentation.urlconnection;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.jdk.UrlConnectionBridge;
import net.bytebuddy.asm.Advice;

import java.io.OutputStream;
import java.net.HttpURLConnection;

/**
 * Inlined into {@code getOutputStream}: in a streaming mode the JDK would write the headers here, so the
 * call is skipped and a stream that holds the body until it is decided is returned instead.
 */
public final class GetOutputStreamAdvice {
    private GetOutputStreamAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static OutputStream enter(@Advice.This HttpURLConnection connection,
                              @Advice.FieldValue("userHeaders") Object userHeaders,
                              @Advice.FieldValue("doOutput") boolean doOutput,
                              @Advice.FieldValue("fixedContentLength") int fixedContentLength,
                              @Advice.FieldValue("fixedContentLengthLong") long fixedContentLengthLong,
                              @Advice.FieldValue("chunkLength") int chunkLength) throws EgressBlockedException {
        try {
            long fixedLength = fixedContentLengthLong != -1 ? fixedContentLengthLong : fixedContentLength;
            return UrlConnectionBridge.streamingOutput(connection, userHeaders, doOutput, fixedLength, chunkLength);
        } catch (EgressBlockedException e) {
            throw e;
        } catch (Throwable t) {
            EgressDispatcher.internalError("urlconnection", t);
            return null;
        }
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter OutputStream held, @Advice.Return(readOnly = false) OutputStream returned) {
        if (held != null) {
            returned = held;
        }
    }
}
