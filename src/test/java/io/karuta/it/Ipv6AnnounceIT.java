package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An announce over IPv6 gets 18-byte {@code peers6} (BEP 7) and only IPv6 peers. */
class Ipv6AnnounceIT extends DeployedTracker {

  @Test
  void anIpv6RequesterGetsPeers6() throws InterruptedException {
    Announce first = Announce.fresh().peer(1, 6881);
    ipv6().announce(first);
    ipv4().announce(first.peer(2, 6882));
    Swarms.awaitCounts(ipv6(), first.infoHash(), 0, 0, 1);
    Swarms.awaitCounts(ipv4(), first.infoHash(), 0, 0, 1);
    Map<String, Object> dict = ipv6().announce(first.peer(3, 6883)).dict();
    assertEquals(
        List.of("complete", "incomplete", "interval", "min interval", "peers", "peers6"),
        List.copyOf(dict.keySet()));
    assertArrayEquals(new byte[0], (byte[]) dict.get("peers"), "empty peers string, never absent");
    assertEquals(
        List.of("::1:6881"),
        Swarms.compactPeers((byte[]) dict.get("peers6"), 18),
        "the IPv6 peer only: the IPv4 peer is in the other swarm");
    assertEquals(2L, dict.get("incomplete"), "per address family: peers 1 and 3, not 2");
  }
}
