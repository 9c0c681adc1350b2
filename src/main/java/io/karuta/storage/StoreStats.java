package io.karuta.storage;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import java.util.List;
import java.util.Objects;

/**
 * Counts over the whole store at one moment, for metrics and the stats page: per address family,
 * and the swarms with the most peers.
 *
 * @param ipv4 the IPv4 swarms' totals
 * @param ipv6 the IPv6 swarms' totals
 * @param top the largest swarms by peers in {@link #LARGEST_FIRST} order, at most as many as asked
 *     for; which of several equal swarms make the cut is not specified
 */
public record StoreStats(Totals ipv4, Totals ipv6, List<TopSwarm> top) {
  /**
   * The order of {@link #top()}: most peers first; among equals, IPv4 before IPv6, then by
   * info-hash.
   */
  public static final java.util.Comparator<TopSwarm> LARGEST_FIRST =
      java.util.Comparator.comparingLong(TopSwarm::peers)
          .reversed()
          .thenComparing(TopSwarm::family)
          .thenComparing(swarm -> swarm.infoHash().toString());

  /** No swarms at all. */
  public static final StoreStats EMPTY = new StoreStats(Totals.ZERO, Totals.ZERO, List.of());

  /** Checks for nulls and copies the list. */
  public StoreStats {
    Objects.requireNonNull(ipv4, "ipv4");
    Objects.requireNonNull(ipv6, "ipv6");
    top = List.copyOf(top);
  }

  /** Returns the totals of {@code family}. */
  public Totals of(AddressFamily family) {
    return family == AddressFamily.IPV4 ? ipv4 : ipv6;
  }

  /**
   * The totals of one address family.
   *
   * @param swarms swarms with at least one peer or a download count
   * @param seeders peers with nothing left to download
   * @param leechers the other peers
   * @param downloads completed downloads the swarms still remember
   */
  public record Totals(long swarms, long seeders, long leechers, long downloads) {
    /** All zero. */
    public static final Totals ZERO = new Totals(0, 0, 0, 0);
  }

  /**
   * One swarm of the top list.
   *
   * @param infoHash the torrent
   * @param family the swarm's address family
   * @param seeders its seeders
   * @param leechers its leechers
   * @param downloads its completed downloads
   */
  public record TopSwarm(
      InfoHash infoHash, AddressFamily family, long seeders, long leechers, long downloads) {
    /** Checks for nulls. */
    public TopSwarm {
      Objects.requireNonNull(infoHash, "infoHash");
      Objects.requireNonNull(family, "family");
    }

    /** Returns seeders plus leechers. */
    public long peers() {
      return seeders + leechers;
    }
  }
}
