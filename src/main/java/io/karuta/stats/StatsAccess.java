package io.karuta.stats;

import io.karuta.bittorrent.IpAddress;
import io.karuta.config.StatsConfig;

/** Whether a client may see the stats endpoints, decided from the configuration alone. */
public enum StatsAccess {
  /** Answer the request. */
  ALLOWED,
  /** 404: the endpoints are off ({@code stats.enabled: false}), so they look absent. */
  DISABLED,
  /** 403: the client is outside {@code stats.allowed_networks}, or its address is unusable. */
  FORBIDDEN;

  /**
   * Decides for a client at {@code client}, as resolved for announces (trusted proxies included);
   * {@code null} when it could not be resolved, which is never allowed.
   */
  public static StatsAccess decide(StatsConfig config, IpAddress client) {
    if (!config.enabled()) {
      return DISABLED;
    }
    if (client == null || !config.allows(client)) {
      return FORBIDDEN;
    }
    return ALLOWED;
  }
}
