package io.karuta.it;

import org.junit.jupiter.api.Test;

/** {@code event=stopped} removes the peer from its swarm. */
class StoppedIT extends DeployedTracker {

  @Test
  void stoppedRemovesThePeer() throws InterruptedException {
    Announce seeder = Announce.fresh().peer(1, 30001).left(0);
    Announce leecher = seeder.peer(2, 30002).left(10);
    ipv4().announce(seeder);
    ipv4().announce(leecher);
    Swarms.awaitCounts(ipv4(), seeder.infoHash(), 1, 0, 1);
    ipv4().announce(leecher.event("stopped"));
    Swarms.awaitCounts(ipv4(), seeder.infoHash(), 1, 0, 0);
    ipv4().announce(seeder.event("stopped"));
    Swarms.awaitCounts(ipv4(), seeder.infoHash(), 0, 0, 0);
  }
}
