/**
 * Apache HttpClient 4.x (channel {@code apache-httpclient4}).
 *
 * <p>Hooks: the first hop in {@code doExecute(HttpHost, HttpRequest, HttpContext)} of InternalHttpClient,
 * MinimalHttpClient and AbstractHttpClient (DefaultHttpClient and the other legacy clients), where every
 * execute overload meets and above the retry handling, so a block is never retried; each further hop in
 * {@code RedirectStrategy.getRedirect} (DefaultRedirectStrategy, LaxRedirectStrategy through it, and the
 * adaptor for legacy RedirectHandlers), whose result RedirectExec and DefaultRequestDirector send next.
 *
 * <ul>
 *   <li>block: {@code execute} throws the exception;</li>
 *   <li>redact: the request's entity is replaced by a ByteArrayEntity with the same Content-Type and
 *       Content-Encoding headers;</li>
 *   <li>non-repeatable or streaming entities, and entities declared larger than maxBodyBytes, are not read.</li>
 * </ul>
 *
 * <p>Not covered: an application RedirectStrategy that overrides getRedirect without calling the
 * library's (its hops after the first are not decided).
 *
 * <p>Tested: 4.5.14, CloseableHttpClient and DefaultHttpClient (integration-tests {@code Apache4ClientTest},
 * and in-process).
 */
package dev.egressguard.instrumentation.apache4;
