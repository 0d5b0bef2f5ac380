/**
 * Apache HttpClient 5.x, classic and async (channel {@code apache-httpclient5}).
 *
 * <p>Hooks: the first hop in {@code doExecute} of the classic InternalHttpClient and MinimalHttpClient,
 * and of the async InternalAbstractHttpAsyncClient (HTTP/1.1 and HTTP/2 clients) and
 * AbstractMinimalHttpAsyncClientBase, where every execute overload meets (SimpleHttpRequest ones
 * included), above the retry execs and, for async, on the caller's thread before any I/O; each further
 * hop, classic or async, in {@code RedirectStrategy.isRedirectAllowed} (5.4 and later), which both
 * redirect execs call with the request they are about to send, or before 5.4 in
 * {@code DefaultRedirectStrategy.getLocationURI} (the hop's body, when re-sent, is read-only there). DefaultHttpRequestRetryStrategy never
 * retries a block (the async redirect exec reports failures below the retry exec).
 *
 * <ul>
 *   <li>block: classic {@code execute} throws the exception; async {@code execute} returns a future failed
 *       with it and calls {@code FutureCallback.failed} with it, the request never started;</li>
 *   <li>redact: classic, the entity is replaced (same content type and encoding); async, the producer is
 *       replaced: a SimpleRequestProducer of a copy of the SimpleHttpRequest with the new body, or a
 *       BasicRequestProducer with a BasicAsyncEntityProducer;</li>
 *   <li>read: a SimpleHttpRequest's body, a BasicAsyncEntityProducer's bytes; any other async body producer,
 *       non-repeatable or streaming classic entities, and bodies declared larger than maxBodyBytes are not
 *       read. An async redirect hop re-sending a body carries the first hop's producer: not readable there.</li>
 * </ul>
 *
 * <p>Not covered: {@code MinimalHttpAsyncClient.execute(AsyncClientExchangeHandler, ...)} called directly
 * (the exchange-handler API below the producer API); on 5.0-5.3, redirect hops of an application
 * RedirectStrategy that does not extend DefaultRedirectStrategy.
 *
 * <p>Tested: 5.5.1 classic, async SimpleHttpRequest, async producer (integration-tests
 * {@code Apache5ClientTest}, and in-process); 5.1.3 classic and async, blocks, redact and redirect hops.
 */
package dev.egressguard.instrumentation.apache5;
