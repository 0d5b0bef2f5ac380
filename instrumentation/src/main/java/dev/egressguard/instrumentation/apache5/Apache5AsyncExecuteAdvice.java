package dev.egressguard.instrumentation.apache5;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.client5.http.async.methods.SimpleBody;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.core5.concurrent.BasicFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.StringAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;

/**
 * Inlined into the async clients' {@code doExecute(HttpHost, AsyncRequestProducer,
 * AsyncResponseConsumer, HandlerFactory, HttpContext, FutureCallback)}, where every async execute
 * overload (SimpleHttpRequest ones included) ends, on the caller's thread before any I/O.
 * The request and body are taken from the producer: a SimpleRequestProducer's SimpleHttpRequest
 * whole; a BasicRequestProducer's request and, for a BasicAsyncEntityProducer or a
 * StringAsyncEntityProducer, its content; any other body is unreadable. A block skips the method and returns a future failed with the
 * exception, the callback told the same; a redact replaces the producer.
 *
 * <p>Inlined code: only HttpClient 5 / HttpCore 5, JDK and {@code dev.egressguard.api} types, no lambdas.
 */
public final class Apache5AsyncExecuteAdvice {
    private Apache5AsyncExecuteAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static EgressBlockedException onExecute(@Advice.Argument(0) HttpHost target,
                                                   @Advice.Argument(value = 1, readOnly = false) AsyncRequestProducer producer) {
        EgressBlockedException blocked = null;
        try {
            if (producer != null && EgressDispatcher.isInstalled()) {
                boolean outermost = EgressDispatcher.enter();
                try {
                    if (outermost) {
                        HttpRequest request = null;
                        AsyncEntityProducer entity = null;
                        if (producer instanceof BasicRequestProducer) {
                            // the producer keeps what it will send in private fields; no accessor exists
                            Field requestField = BasicRequestProducer.class.getDeclaredField("request");
                            requestField.setAccessible(true);
                            request = (HttpRequest) requestField.get(producer);
                            Field entityField = BasicRequestProducer.class.getDeclaredField("dataProducer");
                            entityField.setAccessible(true);
                            entity = (AsyncEntityProducer) entityField.get(producer);
                        }
                        String method = request != null ? request.getMethod() : "UNKNOWN";
                        String url = request != null ? request.getUri().toString() : "";
                        if (target != null && !url.regionMatches(true, 0, "http", 0, 4)) {
                            // no "+": string concatenation compiles to invokedynamic, which Java 6 class files cannot hold
                            url = target.toURI().concat(url.startsWith("/") ? url : "/".concat(url));
                        }
                        Map<String, List<String>> headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                        if (request != null) {
                            Header[] given = request.getHeaders();
                            for (int i = 0; i < given.length; i++) {
                                List<String> values = headers.get(given[i].getName());
                                if (values == null) {
                                    values = new ArrayList<String>(1);
                                    headers.put(given[i].getName(), values);
                                }
                                values.add(given[i].getValue());
                            }
                        }
                        String contentType = null;
                        byte[] bytes = null;
                        int bodyState = HttpEgress.BODY_NONE;
                        long length = 0;
                        if (request instanceof SimpleHttpRequest) {
                            SimpleBody simple = ((SimpleHttpRequest) request).getBody();
                            if (simple != null) {
                                bytes = simple.getBodyBytes();
                                length = bytes == null ? 0 : bytes.length;
                                contentType = simple.getContentType() == null ? null : simple.getContentType().toString();
                                bodyState = bytes == null || bytes.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_REPLACEABLE;
                            }
                        } else if (request == null) {
                            bodyState = HttpEgress.BODY_UNREADABLE;
                            length = -1;
                        } else if (entity != null) {
                            contentType = entity.getContentType();
                            length = entity.getContentLength();
                            if (entity instanceof BasicAsyncEntityProducer && entity.isRepeatable()) {
                                Field bufferField = BasicAsyncEntityProducer.class.getDeclaredField("bytebuf");
                                bufferField.setAccessible(true);
                                ByteBuffer whole = ((ByteBuffer) bufferField.get(entity)).duplicate();
                                whole.rewind();
                                bytes = new byte[whole.remaining()];
                                whole.get(bytes);
                                length = bytes.length;
                                bodyState = bytes.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_REPLACEABLE;
                            } else if (entity instanceof StringAsyncEntityProducer && entity.isRepeatable()) {
                                Field textField = StringAsyncEntityProducer.class.getDeclaredField("content");
                                textField.setAccessible(true);
                                CharBuffer text = ((CharBuffer) textField.get(entity)).duplicate();
                                text.rewind();
                                ContentType declared = contentType == null ? null : ContentType.parse(contentType);
                                Charset charset = declared != null && declared.getCharset() != null
                                        ? declared.getCharset() : StandardCharsets.UTF_8;
                                ByteBuffer encoded = charset.encode(text);
                                bytes = new byte[encoded.remaining()];
                                encoded.get(bytes);
                                length = bytes.length;
                                bodyState = bytes.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_REPLACEABLE;
                            } else {
                                bodyState = HttpEgress.BODY_UNREADABLE;
                            }
                        }
                        if (contentType != null && !headers.containsKey("Content-Type")) {
                            List<String> values = new ArrayList<String>(1);
                            values.add(contentType);
                            headers.put("Content-Type", values);
                        }
                        HttpEgress egress = new HttpEgress("apache-httpclient5", method, url, headers, bytes, bodyState, length);
                        try {
                            EgressDispatcher.onHttpRequest(egress);
                        } catch (EgressBlockedException e) {
                            blocked = e;
                        }
                        byte[] replacement = egress.replacementBody();
                        if (blocked == null && replacement != null && bodyState == HttpEgress.BODY_REPLACEABLE) {
                            ContentType type = contentType == null ? null : ContentType.parse(contentType);
                            if (request instanceof SimpleHttpRequest) {
                                SimpleHttpRequest rewritten = SimpleHttpRequest.copy(request);
                                rewritten.setBody(replacement, type);
                                producer = SimpleRequestProducer.create(rewritten);
                            } else {
                                producer = new BasicRequestProducer(request, new BasicAsyncEntityProducer(replacement, type));
                            }
                        }
                    }
                } finally {
                    EgressDispatcher.exit();
                }
            }
        } catch (Throwable internal) {
            // egress-guard's own failure is never the application's
            EgressDispatcher.internalError("apache-httpclient5 async execute", internal);
        }
        return blocked;
    }

    @Advice.OnMethodExit
    public static void onBlocked(@Advice.Enter EgressBlockedException blocked,
                                 @Advice.Argument(5) FutureCallback<Object> callback,
                                 @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Future<?> result) {
        if (blocked != null) {
            // the request was never started: the future and the callback both fail with the block
            BasicFuture<Object> failed = new BasicFuture<Object>(callback);
            failed.failed(blocked);
            result = failed;
        }
    }
}
