package dev.egressguard.instrumentation.okhttp;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.asm.Advice;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Inlined into {@code RealInterceptorChain.proceed}: when the interceptor about to run is the
 * {@code BridgeInterceptor}, the request is one hop that {@code RetryAndFollowUpInterceptor} is
 * sending (the first one, or a redirect), so each hop is decided exactly once, before the cache,
 * the connection and the network. A redact replaces the argument handed to the rest of the chain.
 *
 * <p>Inlined code: only OkHttp, okio, JDK and {@code dev.egressguard.api} types, no lambdas, no
 * calls into this class.
 */
public final class OkHttpHopAdvice {
    private OkHttpHopAdvice() {
    }

    @Advice.OnMethodEnter
    public static void onHop(@Advice.Argument(value = 0, readOnly = false) Request request,
                             @Advice.FieldValue("interceptors") List<?> interceptors,
                             @Advice.FieldValue("index") int index) throws EgressBlockedException {
        EgressBlockedException blocked = null;
        try {
            if (request != null && index < interceptors.size() && EgressDispatcher.isInstalled()
                    && "okhttp3.internal.http.BridgeInterceptor".equals(interceptors.get(index).getClass().getName())) {
                boolean outermost = EgressDispatcher.enter();
                try {
                    if (outermost) {
                        Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                        Headers given = request.headers();
                        for (int i = 0; i < given.size(); i++) {
                            List<String> values = headers.get(given.name(i));
                            if (values == null) {
                                values = new ArrayList<String>(1);
                                headers.put(given.name(i), values);
                            }
                            values.add(given.value(i));
                        }
                        RequestBody body = request.body();
                        MediaType contentType = null;
                        byte[] bytes = null;
                        int bodyState = HttpEgress.BODY_NONE;
                        long length = 0;
                        if (body != null) {
                            contentType = body.contentType();
                            length = body.contentLength();
                            if (contentType != null && !headers.containsKey("Content-Type")) {
                                List<String> values = new ArrayList<String>(1);
                                values.add(contentType.toString());
                                headers.put("Content-Type", values);
                            }
                            boolean onceOnly;
                            try {
                                onceOnly = body.isOneShot() || body.isDuplex();
                            } catch (NoSuchMethodError before314) {
                                // OkHttp before 3.14 has neither kind of body
                                onceOnly = false;
                            }
                            if (onceOnly) {
                                // reading would consume what the application meant to send
                                bodyState = HttpEgress.BODY_UNREADABLE;
                            } else if (length > EgressDispatcher.maxBodyBytes()) {
                                // too large to hold: the engine applies oversizedBody to the declared length
                                bodyState = HttpEgress.BODY_UNREADABLE;
                            } else {
                                try {
                                    Buffer buffer = new Buffer();
                                    body.writeTo(buffer);
                                    bytes = buffer.readByteArray();
                                    length = bytes.length;
                                    bodyState = bytes.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_REPLACEABLE;
                                } catch (Throwable unreadable) {
                                    bytes = null;
                                    bodyState = HttpEgress.BODY_UNREADABLE;
                                }
                            }
                        }
                        HttpEgress egress = new HttpEgress("okhttp", request.method(), request.url().toString(),
                                headers, bytes, bodyState, length);
                        try {
                            EgressDispatcher.onHttpRequest(egress);
                        } catch (EgressBlockedException e) {
                            blocked = e;
                        }
                        byte[] replacement = egress.replacementBody();
                        if (blocked == null && replacement != null && bodyState == HttpEgress.BODY_REPLACEABLE) {
                            // same content type; BridgeInterceptor derives Content-Length from the new body
                            request = request.newBuilder()
                                    .method(request.method(), RequestBody.create(contentType, replacement))
                                    .build();
                        }
                    }
                } finally {
                    EgressDispatcher.exit();
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("okhttp hop", internal);
        }
        if (blocked != null) {
            throw blocked;
        }
    }
}
