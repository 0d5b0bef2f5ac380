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
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Inlined into {@code RedirectStrategy.isRedirectAllowed(HttpHost, HttpHost, HttpRequest, HttpContext)}
 * (HttpClient 5.4 and later): classic RedirectExec and AsyncRedirectExec both pass it the request
 * they built for the next hop and send it only when it returns, so each redirect hop is decided
 * here once. Classic hops carry their entity (replaceable); async hops carry none here, their body
 * producer is the first hop's, so a method that keeps a body is reported unreadable.
 *
 * <p>Inlined code: only HttpClient 5 / HttpCore 5, JDK and {@code dev.egressguard.api} types, no lambdas.
 */
public final class Apache5RedirectAdvice {
    private Apache5RedirectAdvice() {
    }

    @Advice.OnMethodEnter
    public static void onRedirect(@Advice.Argument(2) HttpRequest redirect) throws EgressBlockedException {
        EgressBlockedException blocked = null;
        boolean outermost = EgressDispatcher.enter();
        try {
            if (outermost && redirect != null && EgressDispatcher.isInstalled()) {
                Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                Header[] given = redirect.getHeaders();
                for (int i = 0; i < given.length; i++) {
                    List<String> values = headers.get(given[i].getName());
                    if (values == null) {
                        values = new ArrayList<String>(1);
                        headers.put(given[i].getName(), values);
                    }
                    values.add(given[i].getValue());
                }
                String method = redirect.getMethod();
                HttpEntity entity = redirect instanceof ClassicHttpRequest ? ((ClassicHttpRequest) redirect).getEntity() : null;
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
                } else if (!(redirect instanceof ClassicHttpRequest)
                        && !"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
                    // async: a 307/308 re-sends the first hop's body producer, which cannot be read here
                    bodyState = HttpEgress.BODY_UNREADABLE;
                }
                HttpEgress egress = new HttpEgress("apache-httpclient5", method, redirect.getUri().toString(),
                        headers, bytes, bodyState, length);
                try {
                    EgressDispatcher.onHttpRequest(egress);
                } catch (EgressBlockedException e) {
                    blocked = e;
                }
                byte[] replacement = egress.replacementBody();
                if (blocked == null && replacement != null && bodyState == HttpEgress.BODY_REPLACEABLE) {
                    ((ClassicHttpRequest) redirect).setEntity(new ByteArrayEntity(replacement,
                            entity.getContentType() == null ? null : ContentType.parse(entity.getContentType()),
                            entity.getContentEncoding()));
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("apache-httpclient5 redirect", internal);
        } finally {
            EgressDispatcher.exit();
        }
        if (blocked != null) {
            throw blocked;
        }
    }
}
