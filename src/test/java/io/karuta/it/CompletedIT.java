package io.karuta.it;

import org.junit.jupiter.api.Test;

/** {@code event=completed} turns the leecher into a seeder and counts one download. */
class CompletedIT extends DeployedTracker {

  @Test
  void completedCountsOneDownload() throws InterruptedException {
    Announce leecher = Announce.fresh().peer(1, 40001).left(100);
    ipv4().announce(leecher);
    Swarms.awaitCounts(ipv4(), leecher.infoHash(), 0, 0, 1);
    ipv4().announce(leecher.left(0).event("completed"));
    Swarms.awaitCounts(ipv4(), leecher.infoHash(), 1, 1, 0);
    // The same peer completing again, and a seeder starting with left=0, are no new downloads.
    ipv4().announce(leecher.left(0).event("completed"));
    ipv4().announce(leecher.peer(2, 40002).left(0));
    Swarms.awaitCounts(ipv4(), leecher.infoHash(), 2, 1, 0);
  }
}
