package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chihaya's e2e check: a second peer is given the first one (and not itself). */
class SecondPeerIT extends DeployedTracker {

  @Test
  void theSecondPeerSeesTheFirst() throws InterruptedException {
    Announce first = Announce.fresh().peer(1, 10001);
    assertEquals(
        List.of("127.0.0.1:10001"),
        Swarms.compactPeers((byte[]) ipv4().announce(first).dict().get("peers"), 6));
    Swarms.awaitCounts(ipv4(), first.infoHash(), 0, 0, 1);
    Map<String, Object> second = ipv4().announce(first.peer(2, 10002)).dict();
    assertEquals(List.of("127.0.0.1:10001"), Swarms.compactPeers((byte[]) second.get("peers"), 6));
    assertEquals(2L, second.get("incomplete"), "the first, and the second as it leaves the swarm");
  }

  @Test
  void aSeederIsGivenLeechersAndALeecherSeeders() throws InterruptedException {
    Announce seeder = Announce.fresh().peer(1, 20001).left(0);
    Announce leecher = seeder.peer(2, 20002).left(500);
    ipv4().announce(seeder);
    ipv4().announce(leecher);
    Swarms.awaitCounts(ipv4(), seeder.infoHash(), 1, 0, 1);
    assertEquals(
        List.of("127.0.0.1:20002"),
        Swarms.compactPeers((byte[]) ipv4().announce(seeder.event("")).dict().get("peers"), 6));
    assertEquals(
        List.of("127.0.0.1:20001"),
        Swarms.compactPeers((byte[]) ipv4().announce(leecher.event("")).dict().get("peers"), 6));
  }
}
