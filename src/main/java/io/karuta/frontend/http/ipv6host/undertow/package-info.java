/**
 * WildFly (Undertow 2.3): brackets bare IPv6 {@code Host} values in Undertow's HTTP/1.1 request
 * parser, before {@code HostHeaderHandler}, which {@code HttpReadListener} always runs ahead of the
 * deployment's handlers, answers them with HTTP 400 ("Host Header Bad Characters"); {@code
 * undertow-handlers.conf} and servlet filters come too late.
 *
 * <p>{@link io.karuta.frontend.http.ipv6host.undertow.UndertowHostFix} runs at deployment and, once
 * it knows it is on WildFly, has {@link io.karuta.frontend.http.ipv6host.undertow.ParserSwap} give
 * the HTTP/1.1 open listener of every Undertow HTTP and HTTPS listener Karuta's parser, {@code
 * io.undertow.server.protocol.http.KarutaIpv6HostParser}. That class is compiled from {@code
 * src/main/undertow} and shipped as a resource, never as a class of the WAR: it belongs to
 * Undertow's package and is defined in undertow-core's class loader, so it uses only JDK, XNIO and
 * Undertow classes and gets the rule as a JDK {@link java.util.function.BiFunction}. The WAR
 * reaches the modules through {@code WEB-INF/jboss-deployment-structure.xml}.
 *
 * <p>Limits: HTTP/2 requests (h2c or ALPN h2) are not parsed by that parser and are not covered,
 * nor are AJP listeners; a listener WildFly restarts while the WAR stays deployed (or one given new
 * options through {@code HttpOpenListener.setUndertowOptions}) gets a standard parser, without the
 * fix, until the WAR is redeployed.
 */
package io.karuta.frontend.http.ipv6host.undertow;
