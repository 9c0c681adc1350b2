/**
 * The HTTP tracker frontend: announce (BEP 3) with compact peers (BEP 23) and IPv6 peers (BEP 7),
 * and scrape (BEP 48).
 *
 * <p>{@link io.karuta.frontend.http.TrackerResource} is the JAX-RS boundary and {@link
 * io.karuta.frontend.http.HttpFrontend} the CDI bean behind it; the protocol layer under them is
 * plain Java: {@link io.karuta.frontend.http.RouteTable} picks announce or scrape from the raw
 * path, {@link io.karuta.net.ClientAddresses} finds the client's address, {@link
 * io.karuta.frontend.http.HttpRequestParser} turns the query parameters into sanitised requests
 * with chihaya's checks and error texts ({@link io.karuta.frontend.http.HttpErrors}), and {@link
 * io.karuta.frontend.http.HttpResponseWriter} writes the canonical bencoded replies. Every reply,
 * failures included, goes out as HTTP 200.
 */
package io.karuta.frontend.http;
