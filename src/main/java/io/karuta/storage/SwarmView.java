package io.karuta.storage;

import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import java.util.List;
import java.util.Objects;

/**
 * What an announce reads from its swarm before the announce changes it: the counts in the
 * announcer's address family, the peers picked for it and the role the announcer holds now ({@link
 * PeerStore#announceView}). From the role, the caller can tell what the swarm's counts will be once
 * the announce is stored, without reading the swarm again.
 *
 * @param counts the swarm's counts, all zero for an unknown swarm
 * @param peers the peers to hand out, as {@link PeerStore#announcePeers} picks them
 * @param announcerRole what the announcer is in the swarm now, {@link PeerRole#ABSENT} for an
 *     unknown swarm
 */
public record SwarmView(Scrape counts, List<Peer> peers, PeerRole announcerRole) {

  /** Checks for nulls. */
  public SwarmView {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(announcerRole, "announcerRole");
  }
}
