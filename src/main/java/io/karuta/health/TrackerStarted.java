package io.karuta.health;

import io.karuta.frontend.udp.UdpListener;
import io.karuta.startup.TrackerStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Startup: UP once the configuration, hooks and store were built and the UDP sockets bound (when
 * UDP is on). It stays UP afterwards; readiness and liveness take over.
 */
@Startup
@ApplicationScoped
public class TrackerStarted implements HealthCheck {
  @Inject TrackerStartup startup;
  @Inject UdpListener udp;

  private volatile boolean started;

  @Override
  public HealthCheckResponse call() {
    if (!started) {
      started = startup.isStarted() && (!udp.isEnabled() || udp.isServing());
    }
    return HealthCheckResponse.named("karuta-started").status(started).build();
  }
}
