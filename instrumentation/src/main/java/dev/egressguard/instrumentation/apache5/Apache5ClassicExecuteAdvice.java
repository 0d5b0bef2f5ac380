package dev.egressguard.instrumentation.apache5;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Inlined into {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)} of the classic
 * InternalHttpClient and MinimalHttpClient: every classic execute overload ends there, above the
 * retry exec, so the first hop is decided once. Later hops: {@link Apache5RedirectAdvice}.
 *
 * <p>Inlined code: only HttpClient 5 / HttpCore 5, JDK and {@code dev.egressguard.api} types, no lambdas.
 */
public final class Apache5ClassicExecuteAdvice {
    private Apache5ClassicExecuteAdvice() {
    }

    @Advice.OnMethodEnter
    public static void onExecute(@Advice.Argument(0) HttpHost target,
                                 @Advice.Argument(1) ClassicHttpRequest request) throws EgressBlockedException {
        EgressBlockedException blocked = null;
        try {
            if (request != null && EgressDispatcher.isInstalled()) {
                boolean outermost = EgressDispatcher.enter();
                try {
                    if (outermost) {
                        String url = request.getUri().toString();
                        if (target != null && !url.regionMatches(true, 0, "http", 0, 4)) {
                            // no "+": string concatenation compiles to invokedynamic, which Java 6 class files cannot hold
                            url = target.toURI().concat(url.startsWith("/") ? url : "/".concat(url));
                        }
                        Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                        Header[] given = request.getHeaders();
                        for (int i = 0; i < given.length; i++) {
                            List<String> values = headers.get(given[i].getName());
                            if (values == null) {
                                values = new ArrayList<String>(1);
                                headers.put(given[i].getName(), values);
                            }
                            values.add(given[i].getValue());
                        }
                        HttpEntity entity = request.getEntity();
                        byte[] bytes = null;
                        int bodyState = HttpEgress.BODY_NONE;
                        long length = 0;
                        if (entity != null) {
                            length = entity.getContentLength();
                            if (entity.getContentType() != null && !headers.containsKey("Content-Type")) {
                                List<String> values = new ArrayList<String>(1);
                                values.add(entity.getContentType());
                                headers.put("Content-Type", values);
                            }
                            if (!entity.isRepeatable() || entity.isStreaming()) {
                                // a stream read here would be gone for the request
                                bodyState = HttpEgress.BODY_UNREADABLE;
                            } else if (entity.getContentLength() > EgressDispatcher.maxBodyBytes()) {
                                // too large to hold: the engine applies oversizedBody to the declared length
                                bodyState = HttpEgress.BODY_UNREADABLE;
                            } else {
                                try {
                                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                                    entity.writeTo(out);
                                    bytes = out.toByteArray();
                                    length = bytes.length;
                                    bodyState = bytes.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_REPLACEABLE;
                                } catch (Throwable unreadable) {
                                    bytes = null;
                                    bodyState = HttpEgress.BODY_UNREADABLE;
                                }
                            }
                        }
                        HttpEgress egress = new HttpEgress("apache-httpclient5", request.getMethod(), url, headers,
                                bytes, bodyState, length);
                        try {
                            EgressDispatcher.onHttpRequest(egress);
                        } catch (EgressBlockedException e) {
                            blocked = e;
                        }
                        byte[] replacement = egress.replacementBody();
                        if (blocked == null && replacement != null && bodyState == HttpEgress.BODY_REPLACEABLE) {
                            request.setEntity(new ByteArrayEntity(replacement,
                                    entity.getContentType() == null ? null : ContentType.parse(entity.getContentType()),
                                    entity.getContentEncoding()));
                        }
                    }
                } finally {
                    EgressDispatcher.exit();
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("apache-httpclient5 execute", internal);
        }
        if (blocked != null) {
            throw blocked;
        }
    }
}
