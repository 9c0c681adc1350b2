package io.karuta.example.store;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.PeerStore;
import io.karuta.storage.StoreStats;
import io.karuta.storage.SwarmView;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link PeerStore} that keeps its swarms in another store and counts the announces it reads, the
 * way a store that adds auditing, quotas or a cache in front of another would be written.
 * Thread-safe, as the contract asks, because the inner store is and the counter is a {@link
 * LongAdder}.
 */
public final class CountingPeerStore implements PeerStore {
  private final PeerStore inner;
  private final LongAdder announces = new LongAdder();

  /** Wraps {@code inner}, which this store closes when it is closed. */
  public CountingPeerStore(PeerStore inner) {
    this.inner = inner;
  }

  /** Returns how many announces were read from this store. */
  public long announces() {
    return announces.sum();
  }

  @Override
  public SwarmView announceView(InfoHash infoHash, boolean seeder, int numWant, Peer announcer) {
    SwarmView view = inner.announceView(infoHash, seeder, numWant, announcer);
    announces.increment();
    return view;
  }

  @Override
  public void putSeeder(InfoHash infoHash, Peer peer) {
    inner.putSeeder(infoHash, peer);
  }

  @Override
  public boolean deleteSeeder(InfoHash infoHash, Peer peer) {
    return inner.deleteSeeder(infoHash, peer);
  }

  @Override
  public void putLeecher(InfoHash infoHash, Peer peer) {
    inner.putLeecher(infoHash, peer);
  }

  @Override
  public boolean deleteLeecher(InfoHash infoHash, Peer peer) {
    return inner.deleteLeecher(infoHash, peer);
  }

  @Override
  public void graduateLeecher(InfoHash infoHash, Peer peer) {
    inner.graduateLeecher(infoHash, peer);
  }

  @Override
  public List<Peer> announcePeers(InfoHash infoHash, boolean seeder, int numWant, Peer announcer) {
    return inner.announcePeers(infoHash, seeder, numWant, announcer);
  }

  @Override
  public Scrape scrapeSwarm(InfoHash infoHash, AddressFamily family) {
    return inner.scrapeSwarm(infoHash, family);
  }

  @Override
  public StoreStats stats(int top) {
    return inner.stats(top);
  }

  @Override
  public void close() {
    inner.close();
  }
}
