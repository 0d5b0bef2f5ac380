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
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ByteArrayEntity;

/**
 * Inlined into every {@code RedirectStrategy.getRedirect}: both RedirectExec (CloseableHttpClient)
 * and DefaultRequestDirector (DefaultHttpClient) ask it for the next hop and send what it returns,
 * so each redirect hop is decided here, once, before anything of it is written. A strategy that
 * calls its super's getRedirect is decided by the outermost call only.
 *
 * <p>Inlined code: only HttpClient 4, JDK and {@code dev.egressguard.api} types, no lambdas.
 */
public final class Apache4RedirectAdvice {
    private Apache4RedirectAdvice() {
    }

    @Advice.OnMethodEnter
    public static boolean enter() {
        return EgressDispatcher.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void onRedirect(@Advice.Enter boolean outermost,
                                  @Advice.Return HttpUriRequest redirect,
                                  @Advice.Thrown Throwable thrown) throws EgressBlockedException {
        EgressBlockedException blocked = null;
        try {
            if (outermost && thrown == null && redirect != null && redirect.getURI() != null
                    && EgressDispatcher.isInstalled()) {
                Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                Header[] given = redirect.getAllHeaders();
                for (int i = 0; i < given.length; i++) {
                    List<String> values = headers.get(given[i].getName());
                    if (values == null) {
                        values = new ArrayList<String>(1);
                        headers.put(given[i].getName(), values);
                    }
                    values.add(given[i].getValue());
                }
                HttpEntity entity = redirect instanceof HttpEntityEnclosingRequest
                        ? ((HttpEntityEnclosingRequest) redirect).getEntity() : null;
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
                HttpEgress egress = new HttpEgress("apache-httpclient4", redirect.getMethod(),
                        redirect.getURI().toString(), headers, bytes, bodyState, length);
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
                    ((HttpEntityEnclosingRequest) redirect).setEntity(redacted);
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("apache-httpclient4 redirect", internal);
        } finally {
            EgressDispatcher.exit();
        }
        if (blocked != null) {
            throw blocked;
        }
    }
}
