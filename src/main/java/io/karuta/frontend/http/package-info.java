/**
 * The HTTP tracker frontend: announce (BEP 3) with compact peers (BEP 23) and IPv6 peers (BEP 7),
 * and scrape (BEP 48).
 *
 * <p>The classes here are the protocol layer and are plain Java, free of JAX-RS, servlets and CDI:
 * {@link io.karuta.frontend.http.RouteTable} picks announce or scrape from the raw path, {@link
 * io.karuta.frontend.http.ClientAddressResolver} finds the client's address (from the connection,
 * or from a reverse-proxy header sent by a trusted proxy), {@link
 * io.karuta.frontend.http.HttpRequestParser} turns the query parameters into sanitised requests
 * with chihaya's checks and error texts ({@link io.karuta.frontend.http.HttpErrors}), and {@link
 * io.karuta.frontend.http.HttpResponseWriter} writes the canonical bencoded replies. Every reply,
 * failures included, goes out as HTTP 200.
 */
package io.karuta.frontend.http;
