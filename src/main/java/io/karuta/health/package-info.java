/**
 * MicroProfile Health checks for Kubernetes probes: liveness (the process serves: cheap, local,
 * never the store), readiness (the UDP sockets are bound and the store answers) and startup (the
 * tracker finished starting).
 *
 * <p>The only package that imports {@code org.eclipse.microprofile.health}. {@code
 * WEB-INF/beans.xml} leaves it out of bean discovery where the server lacks the API (WildFly's
 * profiles without the health subsystem), so the WAR still deploys there.
 */
package io.karuta.health;
