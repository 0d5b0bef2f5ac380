/**
 * OkHttp 3.x, 4.x and 5.x (channel {@code okhttp}).
 *
 * <p>Hook: {@code okhttp3.internal.http.RealInterceptorChain.proceed} at the level where the next
 * interceptor is {@code BridgeInterceptor}, i.e. where {@code RetryAndFollowUpInterceptor} hands one hop
 * on. Every call of every client passes it (execute, enqueue, web sockets; clients made by
 * {@code newBuilder()} share the classes), each redirect hop passes it once, and nothing of the hop has
 * touched the cache, a connection or the network yet. Application interceptors have run; network
 * interceptors have not.
 *
 * <ul>
 *   <li>block: the exception leaves {@code proceed}; {@code execute} throws it, {@code enqueue} gives it to
 *       {@code Callback.onFailure} (RetryAndFollowUpInterceptor does not retry it: no route has failed);</li>
 *   <li>redact: the hop's request is replaced by one with the new body and the same media type;
 *       BridgeInterceptor sets Content-Length from it;</li>
 *   <li>one-shot and duplex bodies, and bodies declared larger than maxBodyBytes, are not read.</li>
 * </ul>
 *
 * <p>Tested: 3.14.9, 4.12.0, 5.3.0 (integration-tests {@code OkHttpClientTest}); 3.14.9 in-process too.
 */
package dev.egressguard.instrumentation.okhttp;
