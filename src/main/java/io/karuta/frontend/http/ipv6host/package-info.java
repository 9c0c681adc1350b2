/**
 * Lets an HTTP request whose {@code Host} header is a bare IPv6 literal reach the tracker. RFC 3986
 * §3.2.2 (and RFC 9110 §7.2 for {@code Host}) writes an IPv6 host in brackets, {@code [::1]:6969};
 * libtorrent 2.0.8 sends {@code Host: ::1:6969} for {@code http://[::1]:6969/announce}, which
 * Payara answers with an empty HTTP 200 and WildFly with HTTP 400, before any application code
 * runs.
 *
 * <p>{@link io.karuta.frontend.http.ipv6host.BareIpv6Host} is the rule: plain Java, no server type,
 * no name lookup. The subpackages install it in the server's own request processing at deployment,
 * one per server: {@code grizzly} for Payara Server and Payara Micro, {@code undertow} for WildFly.
 * Their server-side classes run inside the server's class loaders, so they are given the rule as a
 * JDK {@link java.util.function.BiFunction} rather than linking any Karuta class. Each installer is
 * a {@link jakarta.servlet.ServletContainerInitializer} that does nothing on the other servers.
 *
 * <p>Well-formed requests are not changed: only a value with two or more colons and no leading
 * bracket is looked at.
 */
package io.karuta.frontend.http.ipv6host;
