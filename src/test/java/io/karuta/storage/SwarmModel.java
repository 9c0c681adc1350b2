package io.karuta.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The obvious, sequential model of one swarm that a {@link PeerStore} must agree with: each peer is
 * absent, a seeder or a leecher, and the download count grows when a peer graduates for the first
 * time since it was last stored. Not thread-safe: each thread of a concurrency test owns one.
 */
final class SwarmModel {
  enum Role {
    SEEDER,
    LEECHER
  }

  /** The operations the swarm-update rules perform on a store. */
  enum Op {
    PUT_SEEDER,
    PUT_LEECHER,
    GRADUATE,
    DELETE_SEEDER,
    DELETE_LEECHER
  }

  private final Map<Peer, Role> roles = new HashMap<>();
  private final Set<Peer> counted = new HashSet<>();
  private int downloaded;

  /** Applies {@code op} to both the model and the store, and checks that deletes agree. */
  void apply(PeerStore store, InfoHash infoHash, Op op, Peer peer) {
    switch (op) {
      case PUT_SEEDER -> {
        store.putSeeder(infoHash, peer);
        roles.put(peer, Role.SEEDER);
      }
      case PUT_LEECHER -> {
        store.putLeecher(infoHash, peer);
        roles.put(peer, Role.LEECHER);
      }
      case GRADUATE -> {
        store.graduateLeecher(infoHash, peer);
        roles.put(peer, Role.SEEDER);
        if (counted.add(peer)) {
          downloaded++;
        }
      }
      case DELETE_SEEDER -> delete(store.deleteSeeder(infoHash, peer), peer, Role.SEEDER);
      case DELETE_LEECHER -> delete(store.deleteLeecher(infoHash, peer), peer, Role.LEECHER);
    }
  }

  private void delete(boolean storeSaysRemoved, Peer peer, Role role) {
    boolean modelRemoves = roles.get(peer) == role;
    assertEquals(modelRemoves, storeSaysRemoved, () -> "delete " + role + " of " + peer);
    if (modelRemoves) {
      roles.remove(peer);
      counted.remove(peer);
    }
  }

  /** Picks a random operation; {@code withDownloads} false leaves out {@link Op#GRADUATE}. */
  static Op randomOp(Random random, boolean withDownloads) {
    Op[] ops = Op.values();
    Op op = ops[random.nextInt(ops.length)];
    return op == Op.GRADUATE && !withDownloads ? Op.PUT_SEEDER : op;
  }

  /** Adds another thread's model of the same swarm, whose peers are disjoint from this one's. */
  void merge(SwarmModel other) {
    roles.putAll(other.roles);
    counted.addAll(other.counted);
    downloaded += other.downloaded;
  }

  /** Asserts that the store's announce view tells the role this model gives {@code peer}. */
  void assertRoleOf(PeerStore store, InfoHash infoHash, Peer peer) {
    Role role = roles.get(peer);
    PeerRole expected =
        role == null ? PeerRole.ABSENT : role == Role.SEEDER ? PeerRole.SEEDER : PeerRole.LEECHER;
    assertEquals(expected, store.announceView(infoHash, false, 1, peer).announcerRole(), "role");
  }

  /** Asserts that the store holds exactly this model's seeders, leechers and download count. */
  void assertMatches(PeerStore store, InfoHash infoHash, AddressFamily family, Peer outsider) {
    Set<Peer> seeders = new HashSet<>();
    Set<Peer> leechers = new HashSet<>();
    roles.forEach((peer, role) -> (role == Role.SEEDER ? seeders : leechers).add(peer));
    Scrape scrape = store.scrapeSwarm(infoHash, family);
    assertEquals(seeders.size(), scrape.complete(), "seeders");
    assertEquals(leechers.size(), scrape.incomplete(), "leechers");
    assertEquals(downloaded, scrape.downloaded(), "downloaded");
    int all = seeders.size() + leechers.size();
    List<Peer> listed = store.announcePeers(infoHash, false, all + 1, outsider);
    assertEquals(seeders, Set.copyOf(listed.subList(0, seeders.size())), "seeder membership");
    assertEquals(leechers, Set.copyOf(listed.subList(seeders.size(), all)), "leecher membership");
  }
}
