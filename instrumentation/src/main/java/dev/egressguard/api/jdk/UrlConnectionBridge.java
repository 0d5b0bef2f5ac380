package dev.egressguard.api.jdk;

import dev.egressguard.api.EgressBlockedException;
import dev.egressguard.api.EgressDispatcher;
import dev.egressguard.api.HttpEgress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Called by the advice in {@code sun.net.www.protocol.http.HttpURLConnection} (http, and https through
 * its delegate). One decision per connection and URL, made before any request byte is written:
 * <ul>
 *   <li>buffered bodies: when the response is first asked for ({@code getInputStream}, which
 *       {@code getResponseCode} and {@code URL.openStream} call), before the JDK connects;</li>
 *   <li>streaming bodies: {@code getOutputStream} hands out a {@link GuardedStreamingOutputStream} that
 *       holds the body until it is complete (or {@code maxBodyBytes}) and decides before the JDK sends headers;</li>
 *   <li>redirect hops and anything else: when the JDK writes the request ({@code writeRequests}).</li>
 * </ul>
 * A blocked connection stays blocked: every later call on it throws the same exception.
 */
public final class UrlConnectionBridge {
    public static final String CHANNEL = "urlconnection";

    private static final Map<Object, State> STATES = Collections.synchronizedMap(new WeakHashMap<>());
    /** Inside getInputStream on this thread: the JDK's own getOutputStream call there must not be held back. */
    private static final ThreadLocal<int[]> IN_RESPONSE = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile Method getHeaders;
    private static volatile Constructor<?> newPoster;

    private UrlConnectionBridge() {
    }

    /**
     * Per connection: the URL already decided, the block it got, the stream holding its body until then (that
     * stream references the connection, this map's key: it is dropped once decided, so the key can go).
     */
    static final class State {
        String decidedUrl;
        EgressBlockedException blocked;
        volatile GuardedStreamingOutputStream pending;

        GuardedStreamingOutputStream pending() {
            return pending;
        }
    }

    /** Around getInputStream (the advice calls these in pairs). */
    public static void enterResponse() {
        IN_RESPONSE.get()[0]++;
    }

    public static void exitResponse() {
        int[] depth = IN_RESPONSE.get();
        if (depth[0] > 0) {
            depth[0]--;
        }
    }

    static State state(Object connection) {
        synchronized (STATES) {
            return STATES.computeIfAbsent(connection, c -> new State());
        }
    }

    /**
     * Before {@code getInputStream}: decides a buffered request, or completes a held streaming body.
     * Returns the poster (the buffered body stream) to use: the same, or a new one holding the redacted body.
     */
    public static Object beforeResponse(HttpURLConnection connection, Object userHeaders, Object poster,
                                        boolean streaming) throws IOException {
        if (!EgressDispatcher.isInstalled()) {
            return poster;
        }
        State state = state(connection);
        if (state.blocked != null) {
            throw state.blocked;
        }
        GuardedStreamingOutputStream pending = state.pending();
        if (pending != null && !pending.isDecided()) {
            pending.complete();
            return poster;
        }
        if (streaming) {
            return poster; // nothing held: decided when the JDK writes the request
        }
        return decideBuffered(connection, state, userHeaders, poster);
    }

    /** Before {@code writeRequests}: redirect hops and any path the other hooks did not see. */
    public static Object beforeWrite(HttpURLConnection connection, Object userHeaders, Object poster,
                                     boolean streaming, long fixedLength) throws EgressBlockedException {
        if (!EgressDispatcher.isInstalled()) {
            return poster;
        }
        State state = state(connection);
        if (state.blocked != null) {
            throw state.blocked;
        }
        if (streaming) {
            String url = connection.getURL().toString();
            if (url.equals(state.decidedUrl)) {
                return poster;
            }
            state.decidedUrl = url;
            // a streamed body nobody held back (the JDK's own getOutputStream call): decided without it
            int bodyState = fixedLength == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_UNREADABLE;
            dispatch(state, new HttpEgress(CHANNEL, connection.getRequestMethod(), url, headers(userHeaders),
                    null, bodyState, fixedLength));
            return poster;
        }
        return decideBuffered(connection, state, userHeaders, poster);
    }

    /**
     * Before {@code getOutputStream}: in a streaming mode, returns the stream that holds the body until it can
     * be decided; null to let the JDK hand out its own (buffered mode, or the decision is already made).
     */
    public static OutputStream streamingOutput(HttpURLConnection connection, Object userHeaders, boolean doOutput,
                                               long fixedLength, int chunkLength) throws EgressBlockedException {
        if (!EgressDispatcher.isInstalled() || !doOutput || (fixedLength < 0 && chunkLength < 0)
                || IN_RESPONSE.get()[0] > 0) {
            return null;
        }
        State state = state(connection);
        if (state.blocked != null) {
            throw state.blocked;
        }
        GuardedStreamingOutputStream pending = state.pending();
        if (pending != null) {
            return pending.isDecided() ? null : pending;
        }
        String url = connection.getURL().toString();
        if (url.equals(state.decidedUrl)) {
            return null;
        }
        // the JDK turns a GET with a body into a POST when it hands out the stream; report what will be sent
        String method = connection.getRequestMethod();
        if ("GET".equals(method)) {
            method = "POST";
        }
        pending = new GuardedStreamingOutputStream(connection, state, method, url, headers(userHeaders),
                fixedLength, EgressDispatcher.maxBodyBytes());
        state.pending = pending;
        return pending;
    }

    private static Object decideBuffered(HttpURLConnection connection, State state, Object userHeaders,
                                         Object poster) throws EgressBlockedException {
        String url = connection.getURL().toString();
        if (url.equals(state.decidedUrl)) {
            return poster;
        }
        state.decidedUrl = url;
        byte[] body = poster instanceof ByteArrayOutputStream ? ((ByteArrayOutputStream) poster).toByteArray() : null;
        int bodyState = body == null || body.length == 0 ? HttpEgress.BODY_NONE : HttpEgress.BODY_REPLACEABLE;
        HttpEgress egress = new HttpEgress(CHANNEL, connection.getRequestMethod(), url, headers(userHeaders),
                body, bodyState);
        dispatch(state, egress);
        byte[] replacement = egress.replacementBody();
        if (replacement == null || bodyState != HttpEgress.BODY_REPLACEABLE) {
            return poster;
        }
        try {
            // the application has usually closed the poster, which then ignores writes: hand the JDK a new one
            ByteArrayOutputStream replaced = (ByteArrayOutputStream) poster().newInstance();
            replaced.write(replacement, 0, replacement.length);
            return replaced;
        } catch (Throwable t) {
            state.blocked = new EgressBlockedException("egress-guard blocked " + egress.method() + " to "
                    + connection.getURL().getHost() + ": the body must be redacted and could not be replaced", null);
            throw state.blocked;
        }
    }

    static void dispatch(State state, HttpEgress egress) throws EgressBlockedException {
        try {
            EgressDispatcher.onHttpRequest(egress);
        } catch (EgressBlockedException e) {
            state.blocked = e;
            throw e;
        }
    }

    /** The headers the application set ({@code userHeaders}, a {@code sun.net.www.MessageHeader}). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> headers(Object messageHeader) {
        if (messageHeader == null) {
            return Collections.emptyMap();
        }
        try {
            Method m = getHeaders;
            if (m == null) {
                m = messageHeader.getClass().getMethod("getHeaders");
                getHeaders = m;
            }
            Map<String, List<String>> map = (Map<String, List<String>>) m.invoke(messageHeader);
            return map == null ? Collections.emptyMap() : map;
        } catch (Throwable t) {
            return Collections.emptyMap();
        }
    }

    private static Constructor<?> poster() throws ReflectiveOperationException {
        Constructor<?> c = newPoster;
        if (c == null) {
            c = Class.forName("sun.net.www.http.PosterOutputStream").getConstructor();
            newPoster = c;
        }
        return c;
    }
}
