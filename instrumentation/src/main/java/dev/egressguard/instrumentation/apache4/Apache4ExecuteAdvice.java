package dev.egressguard.instrumentation.apache4;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ByteArrayEntity;

/**
 * Inlined into {@code doExecute(HttpHost, HttpRequest, HttpContext)} of InternalHttpClient,
 * MinimalHttpClient and AbstractHttpClient (DefaultHttpClient): every execute overload ends there,
 * above the retry handling, so the first hop is decided once. Later hops: {@link Apache4RedirectAdvice}.
 *
 * <p>Inlined code: only HttpClient 4, JDK and {@code dev.egressguard.api} types, no lambdas.
 */
public final class Apache4ExecuteAdvice {
    private Apache4ExecuteAdvice() {
    }

    @Advice.OnMethodEnter
    public static void onExecute(@Advice.Argument(0) HttpHost target,
                                 @Advice.Argument(1) HttpRequest request) throws EgressBlockedException {
        EgressBlockedException blocked = null;
        try {
            if (request != null && EgressDispatcher.isInstalled()) {
                boolean outermost = EgressDispatcher.enter();
                try {
                    if (outermost) {
                        String url = request.getRequestLine().getUri();
                        if (request instanceof HttpUriRequest && ((HttpUriRequest) request).getURI() != null) {
                            url = ((HttpUriRequest) request).getURI().toString();
                        }
                        if (target != null && !url.regionMatches(true, 0, "http", 0, 4)) {
                            // no "+": string concatenation compiles to invokedynamic, which Java 6 class files cannot hold
                            url = target.toURI().concat(url.startsWith("/") ? url : "/".concat(url));
                        }
                        Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                        Header[] given = request.getAllHeaders();
                        for (int i = 0; i < given.length; i++) {
                            List<String> values = headers.get(given[i].getName());
                            if (values == null) {
                                values = new ArrayList<String>(1);
                                headers.put(given[i].getName(), values);
                            }
                            values.add(given[i].getValue());
                        }
                        HttpEntity entity = request instanceof HttpEntityEnclosingRequest
                                ? ((HttpEntityEnclosingRequest) request).getEntity() : null;
                        byte[] bytes = null;
                        int bodyState = HttpEgress.BODY_NONE;
                        long length = 0;
                        if (entity != null) {
                            length = entity.getContentLength();
                            if (entity.getContentType() != null && !headers.containsKey("Content-Type")) {
                                List<String> values = new ArrayList<String>(1);
                                values.add(entity.getContentType().getValue());
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
                        HttpEgress egress = new HttpEgress("apache-httpclient4", request.getRequestLine().getMethod(),
                                url, headers, bytes, bodyState, length);
                        try {
                            EgressDispatcher.onHttpRequest(egress);
                        } catch (EgressBlockedException e) {
                            blocked = e;
                        }
                        byte[] replacement = egress.replacementBody();
                        if (blocked == null && replacement != null && bodyState == HttpEgress.BODY_REPLACEABLE) {
                            ByteArrayEntity redacted = new ByteArrayEntity(replacement);
                            redacted.setContentType(entity.getContentType());
                            redacted.setContentEncoding(entity.getContentEncoding());
                            ((HttpEntityEnclosingRequest) request).setEntity(redacted);
                        }
                    }
                } finally {
                    EgressDispatcher.exit();
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("apache-httpclient4 execute", internal);
        }
        if (blocked != null) {
            throw blocked;
        }
    }
}
