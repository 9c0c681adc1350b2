/**
 * Payara Server and Payara Micro (Grizzly 4.0.2): brackets bare IPv6 {@code Host} values in
 * Grizzly's filter chain, before Payara's {@code CoyoteAdapter} parses the host. That parse throws
 * on {@code ::1:6969} ("non-decimal value in the port definition"), and Payara then completes the
 * request with an empty HTTP 200, before any servlet filter, valve or listener runs, so the fix
 * cannot be a servlet filter.
 *
 * <p>{@link io.karuta.frontend.http.ipv6host.grizzly.GrizzlyHostFix} finds the HTTP listeners
 * through Payara's internals at deployment and puts a {@link
 * io.karuta.frontend.http.ipv6host.grizzly.BareIpv6HostFilter} into each chain, just before
 * Grizzly's web server filter. The filter is defined by {@link
 * io.karuta.frontend.http.ipv6host.grizzly.FilterClassLoader}, a child of Grizzly's class loader
 * that defines that one class from the WAR: the filter runs on Grizzly's threads for every request
 * of the listener and must link against the Grizzly of the chain it joins, so it uses only JDK and
 * Grizzly classes and gets the rule as a JDK {@link java.util.function.BiFunction}.
 *
 * <p>Limit: Payara rebuilds a listener's filter chain when the listener is reconfigured at run time
 * (for example with {@code asadmin set} on its network listener or protocol), which drops the
 * filter until the WAR is redeployed or the server restarted.
 */
package io.karuta.frontend.http.ipv6host.grizzly;
