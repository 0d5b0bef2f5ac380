package dev.egressguard.instrumentation.apache5;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * HttpClient 5.0-5.3, which have no isRedirectAllowed: inlined into
 * {@code DefaultRedirectStrategy.getLocationURI}, whose answer both redirect execs turn into the next
 * hop. The hop's method follows the execs' rule (301/302 turn POST into GET, 303 turns anything but
 * HEAD into GET); a hop that keeps the method re-sends the body, which is inspected but cannot be
 * replaced here (the exec copies it from the original request afterwards): a redact of it becomes a
 * block (SPEC §5.6 step 9).
 *
 * <p>Inlined code: only HttpClient 5 / HttpCore 5, JDK and {@code dev.egressguard.api} types, no lambdas.
 */
public final class Apache5LocationAdvice {
    private Apache5LocationAdvice() {
    }

    @Advice.OnMethodEnter
    public static boolean enter() {
        return EgressDispatcher.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void onLocation(@Advice.Enter boolean outermost,
                                  @Advice.Argument(0) HttpRequest current,
                                  @Advice.Argument(1) HttpResponse response,
                                  @Advice.Return URI location,
                                  @Advice.Thrown Throwable thrown) throws EgressBlockedException {
        EgressBlockedException blocked = null;
        try {
            if (outermost && thrown == null && location != null && current != null && response != null
                    && EgressDispatcher.isInstalled()) {
                String method = current.getMethod();
                int code = response.getCode();
                boolean toGet = ((code == 301 || code == 302) && "POST".equalsIgnoreCase(method))
                        || (code == 303 && !"HEAD".equalsIgnoreCase(method));
                Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                Header[] given = current.getHeaders();
                for (int i = 0; i < given.length; i++) {
                    List<String> values = headers.get(given[i].getName());
                    if (values == null) {
                        values = new ArrayList<String>(1);
                        headers.put(given[i].getName(), values);
                    }
                    values.add(given[i].getValue());
                }
                byte[] bytes = null;
                int bodyState = HttpEgress.BODY_NONE;
                long length = 0;
                if (toGet) {
                    // the exec builds a fresh GET: the first hop's body and its headers stay behind
                    method = "GET";
                    headers.remove("Content-Type");
                    headers.remove("Content-Length");
                    headers.remove("Transfer-Encoding");
                } else {
                    HttpEntity entity = current instanceof ClassicHttpRequest ? ((ClassicHttpRequest) current).getEntity() : null;
                    if (entity != null) {
                        length = entity.getContentLength();
                        if (entity.getContentType() != null && !headers.containsKey("Content-Type")) {
                            List<String> values = new ArrayList<String>(1);
                            values.add(entity.getContentType());
                            headers.put("Content-Type", values);
                        }
                        if (!entity.isRepeatable() || entity.isStreaming() || length > EgressDispatcher.maxBodyBytes()) {
                            bodyState = HttpEgress.BODY_UNREADABLE;
                        } else {
                            try {
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                entity.writeTo(out);
                                bytes = out.toByteArray();
                                length = bytes.length;
                                bodyState = bytes.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_FIXED_LENGTH;
                            } catch (Throwable unreadable) {
                                bytes = null;
                                bodyState = HttpEgress.BODY_UNREADABLE;
                            }
                        }
                    } else if (!(current instanceof ClassicHttpRequest)
                            && !"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
                        // async: the first hop's body producer goes again, unreadable here
                        bodyState = HttpEgress.BODY_UNREADABLE;
                        length = -1;
                    }
                }
                HttpEgress egress = new HttpEgress("apache-httpclient5", method, location.toString(), headers,
                        bytes, bodyState, length);
                try {
                    EgressDispatcher.onHttpRequest(egress);
                } catch (EgressBlockedException e) {
                    blocked = e;
                }
                if (blocked == null && egress.replacementBody() != null) {
                    // no "+": keeps the inlined code free of invokedynamic
                    blocked = new EgressBlockedException("egress-guard blocked ".concat(method).concat(" to ")
                            .concat(String.valueOf(location.getHost()))
                            .concat(": the body must be redacted and this redirect hop cannot be changed"), null);
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("apache-httpclient5 redirect location", internal);
        } finally {
            EgressDispatcher.exit();
        }
        if (blocked != null) {
            throw blocked;
        }
    }
}
