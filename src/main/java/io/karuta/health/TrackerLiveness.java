package io.karuta.health;

import io.karuta.frontend.udp.UdpListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN only when restarting the process would help, that is when the UDP tracker is on
 * but its workers stopped. Never asks the store: a Redis outage must not restart every tracker.
 */
@Liveness
@ApplicationScoped
public class TrackerLiveness implements HealthCheck {
  @Inject UdpListener udp;

  @Override
  public HealthCheckResponse call() {
    boolean udpOn = udp.isEnabled();
    boolean serving = !udpOn || udp.isServing();
    return HealthCheckResponse.named("karuta-live")
        .status(serving)
        .withData("udp", udpOn ? (serving ? "serving" : "stopped") : "off")
        .build();
  }
}
