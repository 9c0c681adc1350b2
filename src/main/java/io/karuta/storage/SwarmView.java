package io.karuta.storage;

import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import java.util.List;
import java.util.Objects;

/**
 * What an announce reads from its swarm: the counts in the announcer's address family and the peers
 * picked for it ({@link PeerStore#announceView}).
 *
 * @param counts the swarm's counts, all zero for an unknown swarm
 * @param peers the peers to hand out, as {@link PeerStore#announcePeers} picks them
 */
public record SwarmView(Scrape counts, List<Peer> peers) {

  /** Checks for nulls. */
  public SwarmView {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(peers, "peers");
  }
}
