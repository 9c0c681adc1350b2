package io.karuta.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule a {@link PeerStore} must keep: chihaya's {@code TestPeerStore}
 * (storage/storage_tests.go) step by step for IPv4 and IPv6, plus Karuta's own rules. Each
 * implementation's test extends this class and only says how to build and sweep its store.
 */
public abstract class PeerStoreContractTest {
  /** The peer lifetime every store under test is built with. */
  protected static final Duration LIFETIME = Duration.ofMinutes(30);

  protected MutableClock clock;
  protected PeerStore store;

  /** Builds the store under test, empty, using {@code clock} and {@link #LIFETIME}. */
  protected abstract PeerStore createStore(MutableClock clock);

  /** Runs the store's expiry of stale peers now. */
  protected abstract void collectGarbage(PeerStore store);

  @BeforeEach
  void createStore() {
    clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    store = createStore(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Chihaya's two data sets: an IPv4 and an IPv6 info-hash, peer and dummy peer. */
  record Case(InfoHash infoHash, Peer peer, Peer dummy) {
    @Override
    public String toString() {
      return peer.family().toString();
    }
  }

  static Stream<Case> chihayaCases() {
    return Stream.of(
        new Case(
            ascii("00000000000000000001"),
            peer("00000000000000000001", "1.1.1.1", 1),
            peer("99999999999999999994", "99.99.99.99", 9994)),
        new Case(
            ascii("00000000000000000002"),
            peer("00000000000000000002", "abab::1", 2),
            peer("99999999999999999996", "fc00::1", 9996)));
  }

  @ParameterizedTest
  @MethodSource("chihayaCases")
  void chihayaStoreRules(Case c) {
    InfoHash ih = c.infoHash();
    Peer peer = c.peer();
    Peer dummy = c.dummy();
    // 1. An unknown swarm: deletes report absence, announces and scrapes are empty.
    assertFalse(store.deleteLeecher(ih, peer));
    assertFalse(store.deleteSeeder(ih, peer));
    assertEquals(List.of(), store.announcePeers(ih, false, 50, peer));
    assertEquals(Scrape.empty(ih), store.scrapeSwarm(ih, peer.family()));
    // 2. A leecher is not a seeder.
    store.putLeecher(ih, dummy);
    assertFalse(store.deleteSeeder(ih, dummy));
    // 3. A leecher is handed to seeders and to other leechers, and is counted.
    store.putLeecher(ih, peer);
    assertTrue(store.announcePeers(ih, true, 50, dummy).contains(peer));
    assertTrue(store.announcePeers(ih, false, 50, dummy).contains(peer));
    assertEquals(new Scrape(ih, 0, 2, 0), store.scrapeSwarm(ih, peer.family()));
    assertTrue(store.deleteLeecher(ih, peer));
    assertFalse(store.announcePeers(ih, true, 50, dummy).contains(peer));
    // 4. A seeder is handed to leechers.
    store.putSeeder(ih, peer);
    assertTrue(store.announcePeers(ih, false, 50, dummy).contains(peer));
    assertEquals(new Scrape(ih, 1, 1, 0), store.scrapeSwarm(ih, peer.family()));
    assertTrue(store.deleteSeeder(ih, peer));
    assertFalse(store.announcePeers(ih, false, 50, dummy).contains(peer));
    // 5. A graduated leecher is a seeder and no longer a leecher.
    store.putLeecher(ih, peer);
    store.graduateLeecher(ih, peer);
    assertTrue(store.announcePeers(ih, false, 50, dummy).contains(peer));
    assertFalse(store.deleteLeecher(ih, peer));
    assertTrue(store.announcePeers(ih, false, 50, dummy).contains(peer));
    // 6. Clean up: each delete succeeds once.
    assertTrue(store.deleteLeecher(ih, dummy));
    assertFalse(store.deleteLeecher(ih, dummy));
    assertTrue(store.deleteSeeder(ih, peer));
    assertFalse(store.deleteSeeder(ih, peer));
  }

  @Test
  void closeStopsTheStore() {
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, () -> store.putSeeder(ih(1), v4(1)));
    assertThrows(IllegalStateException.class, () -> store.scrapeSwarm(ih(1), AddressFamily.IPV4));
  }

  @Test
  void announcerNeverReceivesItself() {
    Peer self = v4(1);
    store.putLeecher(ih(1), self);
    assertEquals(List.of(), store.announcePeers(ih(1), false, 50, self));
    store.putSeeder(ih(1), self);
    assertEquals(List.of(), store.announcePeers(ih(1), true, 50, self));
    store.putLeecher(ih(1), v4(2));
    assertEquals(List.of(v4(2)), store.announcePeers(ih(1), false, 50, self));
  }

  @Test
  void sameIdOnAnotherEndpointIsAnotherPeer() {
    Peer a = peer("-AZ0001-aaaaaaaaaaaa", "10.0.0.1", 6881);
    Peer samePortOtherIp = peer("-AZ0001-aaaaaaaaaaaa", "10.0.0.2", 6881);
    Peer sameIpOtherPort = peer("-AZ0001-aaaaaaaaaaaa", "10.0.0.1", 6882);
    store.putLeecher(ih(1), a);
    store.putLeecher(ih(1), samePortOtherIp);
    store.putLeecher(ih(1), sameIpOtherPort);
    assertEquals(3, store.scrapeSwarm(ih(1), AddressFamily.IPV4).incomplete());
    assertEquals(
        Set.of(samePortOtherIp, sameIpOtherPort),
        Set.copyOf(store.announcePeers(ih(1), false, 50, a)));
  }

  @Test
  void seedersGetOnlyLeechersAndLeechersGetSeedersFirst() {
    for (int i = 1; i <= 3; i++) {
      store.putSeeder(ih(1), v4(i));
      store.putLeecher(ih(1), v4(100 + i));
    }
    Peer asker = v4(999);
    for (Peer p : store.announcePeers(ih(1), true, 50, asker)) {
      assertTrue(p.port() > 100, "a seeder was handed to a seeder: " + p);
    }
    List<Peer> forLeecher = store.announcePeers(ih(1), false, 4, asker);
    assertEquals(4, forLeecher.size());
    assertEquals(
        Set.of(v4(1), v4(2), v4(3)), Set.copyOf(forLeecher.subList(0, 3)), "seeders come first");
    assertTrue(forLeecher.get(3).port() > 100);
  }

  @Test
  void theAnnounceViewReadsWhatTheSeparateCallsRead() {
    for (int i = 1; i <= 3; i++) {
      store.putSeeder(ih(1), v4(i));
      store.putLeecher(ih(1), v4(100 + i));
    }
    store.graduateLeecher(ih(1), v4(100));
    Peer asker = v4(101);
    SwarmView view = store.announceView(ih(1), false, 50, asker);
    assertEquals(store.scrapeSwarm(ih(1), AddressFamily.IPV4), view.counts());
    assertEquals(
        Set.of(v4(1), v4(2), v4(3), v4(100), v4(102), v4(103)),
        Set.copyOf(view.peers()),
        "everyone but the asker");
    assertEquals(
        Set.of(v4(1), v4(2), v4(3), v4(100)),
        Set.copyOf(view.peers().subList(0, 4)),
        "seeders first");
    assertEquals(PeerRole.LEECHER, view.announcerRole());
    SwarmView unknown = store.announceView(ih(2), true, 50, asker);
    assertEquals(new Scrape(ih(2), 0, 0, 0), unknown.counts());
    assertEquals(List.of(), unknown.peers());
    assertEquals(PeerRole.ABSENT, unknown.announcerRole());
    SwarmView none = store.announceView(ih(1), false, 0, asker);
    assertEquals(List.of(), none.peers(), "numwant 0");
    assertEquals(view.counts(), none.counts(), "numwant 0");
    assertEquals(PeerRole.LEECHER, none.announcerRole(), "numwant 0");
  }

  @Test
  void theAnnounceViewTellsWhatTheAnnouncerIsNow() {
    Peer peer = v4(7);
    assertEquals(PeerRole.ABSENT, store.announceView(ih(1), false, 50, peer).announcerRole());
    store.putSeeder(ih(1), v4(1));
    assertEquals(PeerRole.ABSENT, store.announceView(ih(1), false, 50, peer).announcerRole());
    store.putLeecher(ih(1), peer);
    assertEquals(PeerRole.LEECHER, store.announceView(ih(1), true, 50, peer).announcerRole());
    store.graduateLeecher(ih(1), peer);
    assertEquals(PeerRole.SEEDER, store.announceView(ih(1), false, 50, peer).announcerRole());
    store.putLeecher(ih(1), peer);
    assertEquals(PeerRole.LEECHER, store.announceView(ih(1), false, 0, peer).announcerRole());
    store.putSeeder(ih(1), peer);
    assertEquals(PeerRole.SEEDER, store.announceView(ih(1), true, 0, peer).announcerRole());
    // Same ID elsewhere, or the same endpoint in the other family or swarm: another peer.
    Peer sameIdOtherPort = new Peer(peer.id(), peer.ip(), peer.port() + 1);
    assertEquals(
        PeerRole.ABSENT, store.announceView(ih(1), true, 50, sameIdOtherPort).announcerRole());
    assertEquals(PeerRole.ABSENT, store.announceView(ih(1), true, 50, v6(7)).announcerRole());
    assertEquals(PeerRole.ABSENT, store.announceView(ih(2), true, 50, peer).announcerRole());
    store.deleteSeeder(ih(1), peer);
    assertEquals(PeerRole.ABSENT, store.announceView(ih(1), true, 50, peer).announcerRole());
  }

  @Test
  void numWantBoundsTheReply() {
    for (int i = 1; i <= 20; i++) {
      store.putLeecher(ih(1), v4(i));
    }
    Peer asker = v4(999);
    assertEquals(0, store.announcePeers(ih(1), false, 0, asker).size());
    assertEquals(1, store.announcePeers(ih(1), false, 1, asker).size());
    assertEquals(7, store.announcePeers(ih(1), false, 7, asker).size());
    assertEquals(20, store.announcePeers(ih(1), false, 20, asker).size());
    assertEquals(20, store.announcePeers(ih(1), false, 200, asker).size());
    assertEquals(19, store.announcePeers(ih(1), false, 200, v4(5)).size(), "minus the asker");
    List<Peer> some = store.announcePeers(ih(1), false, 15, asker);
    assertEquals(15, Set.copyOf(some).size(), "no peer twice");
  }

  @Test
  void randomSelectionCoversTheWholeSwarm() {
    int swarmSize = 500;
    for (int i = 1; i <= swarmSize; i++) {
      store.putSeeder(ih(1), v4(i));
    }
    Set<Peer> seen = new HashSet<>();
    Peer asker = v4(10_000);
    for (int call = 0; call < 200 && seen.size() < swarmSize; call++) {
      seen.addAll(store.announcePeers(ih(1), false, 50, asker));
    }
    // 200 draws of 50 out of 500 leave a given peer unseen with odds of about 1e-9.
    assertEquals(swarmSize, seen.size());
  }

  @Test
  void familiesAreSeparateSwarms() {
    Peer v4 = peer("-AZ0001-aaaaaaaaaaaa", "10.0.0.1", 6881);
    Peer v6 = peer("-AZ0001-aaaaaaaaaaaa", "2001:db8::1", 6881);
    store.putSeeder(ih(1), v4);
    store.putLeecher(ih(1), v6);
    assertEquals(new Scrape(ih(1), 1, 0, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    assertEquals(new Scrape(ih(1), 0, 1, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV6));
    assertEquals(List.of(v4), store.announcePeers(ih(1), false, 50, v4(9)));
    assertEquals(List.of(v6), store.announcePeers(ih(1), false, 50, v6(9)));
    assertFalse(store.deleteSeeder(ih(1), v6));
    assertTrue(store.deleteLeecher(ih(1), v6));
    assertEquals(new Scrape(ih(1), 1, 0, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
  }

  @Test
  void aPeerHasOneRoleAndMovesBetweenThem() {
    Peer p = v4(1);
    store.putLeecher(ih(1), p);
    store.putSeeder(ih(1), p);
    assertEquals(new Scrape(ih(1), 1, 0, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    assertFalse(store.deleteLeecher(ih(1), p));
    store.putLeecher(ih(1), p);
    assertEquals(new Scrape(ih(1), 0, 1, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    assertFalse(store.deleteSeeder(ih(1), p));
  }

  @Test
  void downloadsCountOncePerPeer() {
    store.putLeecher(ih(1), v4(1));
    store.graduateLeecher(ih(1), v4(1));
    store.graduateLeecher(ih(1), v4(1));
    store.putLeecher(ih(1), v4(1));
    store.graduateLeecher(ih(1), v4(1));
    assertEquals(1, store.scrapeSwarm(ih(1), AddressFamily.IPV4).downloaded());
    store.graduateLeecher(ih(1), v4(2));
    assertEquals(new Scrape(ih(1), 2, 0, 2), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    store.putSeeder(ih(1), v4(3));
    assertEquals(
        2, store.scrapeSwarm(ih(1), AddressFamily.IPV4).downloaded(), "no event, no count");
    assertEquals(0, store.scrapeSwarm(ih(1), AddressFamily.IPV6).downloaded());
  }

  @Test
  void downloadCountSurvivesTheLastPeerLeavingForALifetime() {
    store.graduateLeecher(ih(1), v4(1));
    assertTrue(store.deleteSeeder(ih(1), v4(1)));
    collectGarbage(store);
    assertEquals(new Scrape(ih(1), 0, 0, 1), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    clock.advance(LIFETIME.plusMinutes(1));
    collectGarbage(store);
    assertEquals(Scrape.empty(ih(1)), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
  }

  @Test
  void stoppedForAnUnknownPeerChangesNothing() {
    store.putSeeder(ih(1), v4(1));
    assertFalse(store.deleteSeeder(ih(1), v4(2)));
    assertFalse(store.deleteLeecher(ih(1), v4(2)));
    assertFalse(store.deleteLeecher(ih(2), v4(2)));
    assertEquals(new Scrape(ih(1), 1, 0, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
  }

  @Test
  void stalePeersExpireAndFreshOnesStay() {
    store.putSeeder(ih(1), v4(1));
    store.putLeecher(ih(1), v4(2));
    store.putLeecher(ih(2), v6(3));
    clock.advance(LIFETIME.minusMinutes(10));
    store.putLeecher(ih(1), v4(2));
    collectGarbage(store);
    assertEquals(new Scrape(ih(1), 1, 1, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    clock.advance(Duration.ofMinutes(11));
    collectGarbage(store);
    assertEquals(new Scrape(ih(1), 0, 1, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    assertEquals(Scrape.empty(ih(2)), store.scrapeSwarm(ih(2), AddressFamily.IPV6));
    assertEquals(List.of(v4(2)), store.announcePeers(ih(1), false, 50, v4(9)));
    clock.advance(LIFETIME.plusSeconds(1));
    collectGarbage(store);
    assertEquals(Scrape.empty(ih(1)), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    store.putLeecher(ih(1), v4(2));
    assertEquals(new Scrape(ih(1), 0, 1, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
  }

  @Test
  void statsOfAnEmptyStoreAreZero() {
    assertEquals(StoreStats.EMPTY, store.stats(10));
    store.putSeeder(ih(1), v4(1));
    assertTrue(store.deleteSeeder(ih(1), v4(1)));
    assertEquals(StoreStats.EMPTY, store.stats(10), "a swarm left empty is no swarm");
  }

  @Test
  void statsCountPutsDeletesAndGraduationsPerFamily() {
    store.putSeeder(ih(1), v4(1));
    store.putLeecher(ih(1), v4(2));
    store.putLeecher(ih(1), v4(3));
    store.graduateLeecher(ih(1), v4(3));
    store.putLeecher(ih(1), v4(4));
    store.putLeecher(ih(2), v4(5));
    store.putLeecher(ih(2), v4(6));
    assertTrue(store.deleteLeecher(ih(2), v4(6)));
    assertTrue(store.deleteLeecher(ih(1), v4(2)));
    store.putSeeder(ih(3), v4(7));
    assertTrue(store.deleteSeeder(ih(3), v4(7)));
    // The same info-hash in IPv6 is another swarm.
    store.putLeecher(ih(1), v6(1));
    store.graduateLeecher(ih(1), v6(1));
    store.graduateLeecher(ih(1), v6(2));
    store.putLeecher(ih(4), v6(3));

    StoreStats stats = store.stats(2);
    assertEquals(new StoreStats.Totals(2, 2, 2, 1), stats.ipv4());
    assertEquals(new StoreStats.Totals(2, 2, 1, 2), stats.ipv6());
    assertEquals(stats.ipv6(), stats.of(AddressFamily.IPV6));
    assertEquals(
        List.of(
            new StoreStats.TopSwarm(ih(1), AddressFamily.IPV4, 2, 1, 1),
            new StoreStats.TopSwarm(ih(1), AddressFamily.IPV6, 2, 0, 2)),
        stats.top());
  }

  @Test
  void statsListTheLargestSwarmsFirstUpToTop() {
    int[] sizes = {3, 5, 1, 4, 2};
    for (int s = 0; s < sizes.length; s++) {
      for (int p = 1; p <= sizes[s]; p++) {
        if (s % 2 == 0) {
          store.putLeecher(ih(s + 1), v4(p));
        } else {
          store.putSeeder(ih(s + 1), v6(p));
        }
      }
    }
    StoreStats all = store.stats(100);
    assertEquals(
        List.of(
            new StoreStats.TopSwarm(ih(2), AddressFamily.IPV6, 5, 0, 0),
            new StoreStats.TopSwarm(ih(4), AddressFamily.IPV6, 4, 0, 0),
            new StoreStats.TopSwarm(ih(1), AddressFamily.IPV4, 0, 3, 0),
            new StoreStats.TopSwarm(ih(5), AddressFamily.IPV4, 0, 2, 0),
            new StoreStats.TopSwarm(ih(3), AddressFamily.IPV4, 0, 1, 0)),
        all.top());
    assertEquals(all.top().subList(0, 3), store.stats(3).top());
    StoreStats none = store.stats(0);
    assertEquals(List.of(), none.top());
    assertEquals(new StoreStats.Totals(3, 0, 6, 0), none.ipv4(), "top does not limit totals");
    assertEquals(new StoreStats.Totals(2, 9, 0, 0), none.ipv6());
    assertThrows(IllegalArgumentException.class, () -> store.stats(-1));
  }

  @Test
  void equalSwarmsAreListedIpv4FirstThenByInfoHash() {
    store.putLeecher(ih(9), v6(1));
    store.putLeecher(ih(2), v4(1));
    store.putSeeder(ih(7), v4(1));
    store.putSeeder(ih(1), v6(1));
    assertEquals(
        List.of(
            new StoreStats.TopSwarm(ih(2), AddressFamily.IPV4, 0, 1, 0),
            new StoreStats.TopSwarm(ih(7), AddressFamily.IPV4, 1, 0, 0),
            new StoreStats.TopSwarm(ih(1), AddressFamily.IPV6, 1, 0, 0),
            new StoreStats.TopSwarm(ih(9), AddressFamily.IPV6, 0, 1, 0)),
        store.stats(10).top());
  }

  @Test
  void aSwarmWithOnlyADownloadCountIsCountedForALifetime() {
    store.graduateLeecher(ih(1), v6(1));
    assertTrue(store.deleteSeeder(ih(1), v6(1)));
    collectGarbage(store);
    StoreStats stats = store.stats(5);
    assertEquals(StoreStats.Totals.ZERO, stats.ipv4());
    assertEquals(new StoreStats.Totals(1, 0, 0, 1), stats.ipv6());
    assertEquals(List.of(new StoreStats.TopSwarm(ih(1), AddressFamily.IPV6, 0, 0, 1)), stats.top());
    clock.advance(LIFETIME.plusMinutes(1));
    collectGarbage(store);
    assertEquals(StoreStats.EMPTY, store.stats(5));
  }

  @Test
  void statsForgetSweptPeers() {
    store.putSeeder(ih(1), v4(1));
    store.putLeecher(ih(2), v6(1));
    clock.advance(LIFETIME.minusMinutes(1));
    store.putLeecher(ih(1), v4(2));
    clock.advance(Duration.ofMinutes(2));
    collectGarbage(store);
    StoreStats stats = store.stats(5);
    assertEquals(new StoreStats.Totals(1, 0, 1, 0), stats.ipv4());
    assertEquals(StoreStats.Totals.ZERO, stats.ipv6());
    assertEquals(List.of(new StoreStats.TopSwarm(ih(1), AddressFamily.IPV4, 0, 1, 0)), stats.top());
  }

  @Test
  void randomOperationsMatchTheModelIpv4() {
    PeerStoreModelChecks.sequential(store, PeerStoreContractTest::v4, AddressFamily.IPV4, 3_000);
  }

  @Test
  void randomOperationsMatchTheModelIpv6() {
    PeerStoreModelChecks.sequential(store, PeerStoreContractTest::v6, AddressFamily.IPV6, 3_000);
  }

  @Test
  void concurrentAnnouncesMatchTheSequentialModel() throws Exception {
    PeerStoreModelChecks.concurrent(
        store, PeerStoreContractTest::v4, AddressFamily.IPV4, 8, 20_000);
  }

  // ---- fixtures -------------------------------------------------------------------------------

  /** An info-hash whose last byte is {@code n}. */
  protected static InfoHash ih(int n) {
    byte[] bytes = new byte[20];
    bytes[16] = (byte) (n >>> 24);
    bytes[17] = (byte) (n >>> 16);
    bytes[18] = (byte) (n >>> 8);
    bytes[19] = (byte) n;
    return InfoHash.of(bytes);
  }

  /** The IPv4 peer number {@code n}: its own ID, on 10.0.0.1, port {@code n}. */
  protected static Peer v4(int n) {
    return new Peer(id(n), IpAddress.parse("10.0.0.1"), n);
  }

  /** The IPv6 peer number {@code n}: its own ID, on 2001:db8::1, port {@code n}. */
  protected static Peer v6(int n) {
    return new Peer(id(n), IpAddress.parse("2001:db8::1"), n);
  }

  protected static PeerId id(int n) {
    return PeerId.of(String.format("-KR0001-%012d", n).getBytes(StandardCharsets.US_ASCII));
  }

  private static InfoHash ascii(String twenty) {
    return InfoHash.of(twenty.getBytes(StandardCharsets.US_ASCII));
  }

  private static Peer peer(String id, String ip, int port) {
    return new Peer(PeerId.of(id.getBytes(StandardCharsets.US_ASCII)), IpAddress.parse(ip), port);
  }
}
