package io.karuta.storage;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import java.util.List;

/**
 * Holds the swarms of the tracker: for every info-hash and address family, its seeders, its
 * leechers and its download count. This is chihaya's {@code PeerStore} contract, with three
 * deliberate differences noted on the methods: a peer is a seeder or a leecher, never both; a
 * {@code completed} event counts a download once per peer; and chihaya's {@code
 * ErrResourceDoesNotExist} is reported as {@code false} or an empty result instead of an error.
 *
 * <p><b>Swarms.</b> The IPv4 and IPv6 swarms of one info-hash are separate: a peer only ever sees
 * peers of its own family, and counts are per family. A peer is identified by its ID, address and
 * port together.
 *
 * <p><b>Expiry.</b> A peer that has not been put for longer than the configured peer lifetime is
 * removed by the implementation itself, within one garbage-collection interval after that. A swarm
 * with no peers left disappears (a store may keep its download count for a while).
 *
 * <p><b>Threads.</b> Implementations are thread-safe: any method may be called from any number of
 * threads at once, and every single call is atomic. After {@link #close()} every method throws
 * {@link IllegalStateException}.
 */
public interface PeerStore extends AutoCloseable {

  /**
   * Adds the peer as a seeder, or refreshes it; creates the swarm when needed. A peer that was a
   * leecher in this swarm becomes a seeder (chihaya would keep a stale leecher entry).
   */
  void putSeeder(InfoHash infoHash, Peer peer);

  /**
   * Removes the peer if it is a seeder of this swarm.
   *
   * @return whether it was (chihaya: {@code ErrResourceDoesNotExist} when not)
   */
  boolean deleteSeeder(InfoHash infoHash, Peer peer);

  /**
   * Adds the peer as a leecher, or refreshes it; creates the swarm when needed. A peer that was a
   * seeder in this swarm becomes a leecher.
   */
  void putLeecher(InfoHash infoHash, Peer peer);

  /**
   * Removes the peer if it is a leecher of this swarm.
   *
   * @return whether it was (chihaya: {@code ErrResourceDoesNotExist} when not)
   */
  boolean deleteLeecher(InfoHash infoHash, Peer peer);

  /**
   * Records a finished download: the peer becomes (or stays) a seeder, and the swarm's download
   * count grows by one the first time this peer graduates. Never fails for an unknown peer or
   * swarm.
   */
  void graduateLeecher(InfoHash infoHash, Peer peer);

  /**
   * Picks up to {@code numWant} peers for {@code announcer}, all of the announcer's address family,
   * never the announcer itself, chosen at random so that every peer of a large swarm gets handed
   * out. A seeder gets only leechers; a leecher gets seeders first, then leechers.
   *
   * @param seeder whether the announcer is seeding
   * @param numWant the most peers to return, 0 or more
   * @return the peers, empty when the swarm is unknown (chihaya: {@code ErrResourceDoesNotExist})
   */
  List<Peer> announcePeers(InfoHash infoHash, boolean seeder, int numWant, Peer announcer);

  /**
   * Returns the counts of the swarm of {@code infoHash} in {@code family}; all zero for an unknown
   * swarm.
   */
  Scrape scrapeSwarm(InfoHash infoHash, AddressFamily family);

  /**
   * Returns everything an announce reads, in one atomic call (one round trip for a remote store):
   * the counts of the announcer's swarm in its family, the peers {@link #announcePeers} would pick,
   * and the role the announcer holds in that swarm now. An announce is answered before it is
   * stored; with the role, the caller can give the counts as the announce leaves them.
   */
  SwarmView announceView(InfoHash infoHash, boolean seeder, int numWant, Peer announcer);

  /**
   * Returns how many threads can usefully call the store at once; a frontend told to size its
   * threads by itself ({@code udp.workers: 0}) runs this many. The default, one per core, suits a
   * store in this process, whose calls only use the CPU: more threads than cores only add waiting
   * (measured with the memory store on one core: a second UDP worker raised the p99 latency at half
   * load from under 2 ms to over 5 ms). A store whose calls wait on the network needs more threads
   * to keep the cores busy.
   */
  default int callerThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Returns whether the store can serve requests now, for a readiness check. Never throws, and
   * waits at most the store's own timeouts. The default suits a store in this process, which is
   * always ready.
   */
  default boolean isReachable() {
    return true;
  }

  /**
   * Returns counts over the whole store and its {@code top} largest swarms by peers, for metrics
   * and the stats page. Walks every swarm, so callers sample it (every few seconds), never per
   * request. Peers past their lifetime that no sweep has removed yet may still be counted.
   *
   * @param top how many of the largest swarms to list, 0 or more
   * @throws IllegalArgumentException when {@code top} is negative
   * @throws io.karuta.bittorrent.ClientError when a remote store cannot be reached
   */
  StoreStats stats(int top);

  /** Stops background work and releases the swarms. Calling it again does nothing. */
  @Override
  void close();
}
