package io.karuta.it;

import io.karuta.bittorrent.ClientError;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * A hook shipped the way an integrator ships one (a CDI bean added to the WAR, enabled in the YAML
 * {@code prehooks} list), so integration tests can see what hooks receive: it refuses an announce
 * whose parameters (HTTP query, HTTP route or UDP URL data) carry {@code probe=refuse}.
 */
@Dependent
@Named("it probe")
public class ProbeHook implements Hook {
  static final ClientError REFUSED = new ClientError("refused by the probe hook");

  @Override
  public void handleAnnounce(AnnounceContext context) {
    var params = context.request().params();
    if ("refuse".equals(params.get("probe")) || "refuse".equals(params.routeParam("passkey"))) {
      throw REFUSED;
    }
  }
}
