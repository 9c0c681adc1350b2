package io.karuta.health;

import io.karuta.config.TrackerConfig;
import io.karuta.frontend.udp.UdpListener;
import io.karuta.storage.PeerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: UP when the UDP sockets are bound (if UDP is on) and the peer store answers. With
 * Redis, the store check is one bounded read (at most the store's connect and read timeouts), so a
 * probe's timeout must be longer than those.
 */
@Readiness
@ApplicationScoped
public class TrackerReadiness implements HealthCheck {
  @Inject TrackerConfig config;
  @Inject UdpListener udp;
  @Inject PeerStore store;

  @Override
  public HealthCheckResponse call() {
    boolean udpOn = udp.isEnabled();
    boolean udpReady = !udpOn || udp.isServing();
    boolean storeReady = store.isReachable();
    return HealthCheckResponse.named("karuta-ready")
        .status(udpReady && storeReady)
        .withData("udp", udpOn ? (udpReady ? "bound" : "not bound") : "off")
        .withData("store", config.storage().name())
        .withData("store_reachable", storeReady)
        .build();
  }
}
