package io.karuta.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.IpNetwork;
import io.karuta.config.StatsConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsAccessTest {
  private static StatsConfig config(boolean enabled, String... networks) {
    return new StatsConfig(
        true,
        enabled,
        List.of(networks).stream().map(IpNetwork::parse).toList(),
        Duration.ofSeconds(5));
  }

  @Test
  void allowsAClientInsideAnAllowedNetwork() {
    StatsConfig config = config(true, "127.0.0.0/8", "::1/128", "10.0.0.0/8");
    assertEquals(StatsAccess.ALLOWED, StatsAccess.decide(config, IpAddress.parse("127.0.0.1")));
    assertEquals(StatsAccess.ALLOWED, StatsAccess.decide(config, IpAddress.parse("10.200.3.4")));
    assertEquals(StatsAccess.ALLOWED, StatsAccess.decide(config, IpAddress.parse("::1")));
  }

  @Test
  void forbidsAClientOutsideEveryAllowedNetwork() {
    StatsConfig config = config(true, "10.0.0.0/8");
    assertEquals(StatsAccess.FORBIDDEN, StatsAccess.decide(config, IpAddress.parse("127.0.0.1")));
    assertEquals(StatsAccess.FORBIDDEN, StatsAccess.decide(config, IpAddress.parse("11.0.0.1")));
    assertEquals(StatsAccess.FORBIDDEN, StatsAccess.decide(config, IpAddress.parse("::1")));
  }

  @Test
  void forbidsAClientWhoseAddressCouldNotBeResolved() {
    assertEquals(StatsAccess.FORBIDDEN, StatsAccess.decide(config(true, "0.0.0.0/0"), null));
  }

  @Test
  void forbidsEveryoneWhenNoNetworkIsAllowed() {
    assertEquals(
        StatsAccess.FORBIDDEN, StatsAccess.decide(config(true), IpAddress.parse("127.0.0.1")));
  }

  @Test
  void hidesTheEndpointsFromEveryoneWhenDisabled() {
    StatsConfig off = config(false, "0.0.0.0/0", "::/0");
    assertEquals(StatsAccess.DISABLED, StatsAccess.decide(off, IpAddress.parse("127.0.0.1")));
    assertEquals(StatsAccess.DISABLED, StatsAccess.decide(off, null));
  }
}
