package io.karuta.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/** Random operation sequences checked against {@link SwarmModel}, sequentially and concurrently. */
final class PeerStoreModelChecks {
  private PeerStoreModelChecks() {}

  /**
   * Applies {@code steps} random operations to a few peers of two swarms and checks the store
   * against the model after every step.
   */
  static void sequential(
      PeerStore store, IntFunction<Peer> peers, AddressFamily family, int steps) {
    Random random = new Random(42);
    InfoHash withDownloads = PeerStoreContractTest.ih(1);
    InfoHash withoutDownloads = PeerStoreContractTest.ih(2);
    SwarmModel first = new SwarmModel();
    SwarmModel second = new SwarmModel();
    Peer outsider = peers.apply(65_000);
    for (int step = 0; step < steps; step++) {
      Peer peer = peers.apply(1 + random.nextInt(40));
      if (random.nextBoolean()) {
        first.apply(store, withDownloads, SwarmModel.randomOp(random, true), peer);
        first.assertMatches(store, withDownloads, family, outsider);
        first.assertRoleOf(store, withDownloads, peer);
      } else {
        second.apply(store, withoutDownloads, SwarmModel.randomOp(random, false), peer);
        second.assertMatches(store, withoutDownloads, family, outsider);
        second.assertRoleOf(store, withoutDownloads, peer);
      }
    }
  }

  /**
   * Runs {@code threads} writers, each with its own peers, and two readers on the same swarms, and
   * then checks that the store equals the merged models exactly.
   */
  static void concurrent(
      PeerStore store, IntFunction<Peer> peers, AddressFamily family, int threads, int opsEach)
      throws Exception {
    InfoHash withDownloads = PeerStoreContractTest.ih(1);
    InfoHash withoutDownloads = PeerStoreContractTest.ih(2);
    ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<SwarmModel[]>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        writers.add(
            pool.submit(
                () -> writer(store, peers, seed, opsEach, withDownloads, withoutDownloads)));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (InfoHash infoHash : List.of(withDownloads, withoutDownloads)) {
        readers.add(pool.submit(() -> reader(store, infoHash, peers, family, writing)));
      }
      SwarmModel first = new SwarmModel();
      SwarmModel second = new SwarmModel();
      for (Future<SwarmModel[]> writer : writers) {
        SwarmModel[] models = writer.get(2, TimeUnit.MINUTES);
        first.merge(models[0]);
        second.merge(models[1]);
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertTrue(reader.get(1, TimeUnit.MINUTES) > 0, "the reader ran");
      }
      Peer outsider = peers.apply(65_000);
      first.assertMatches(store, withDownloads, family, outsider);
      second.assertMatches(store, withoutDownloads, family, outsider);
    } finally {
      pool.shutdownNow();
    }
  }

  private static SwarmModel[] writer(
      PeerStore store,
      IntFunction<Peer> peers,
      int seed,
      int ops,
      InfoHash withDownloads,
      InfoHash withoutDownloads) {
    Random random = new Random(seed);
    SwarmModel first = new SwarmModel();
    SwarmModel second = new SwarmModel();
    for (int i = 0; i < ops; i++) {
      // Each writer owns peers seed*100+1 .. seed*100+8, so the final state does not depend on
      // how the threads interleave.
      Peer peer = peers.apply(seed * 100 + 1 + random.nextInt(8));
      if (random.nextBoolean()) {
        first.apply(store, withDownloads, SwarmModel.randomOp(random, true), peer);
      } else {
        second.apply(store, withoutDownloads, SwarmModel.randomOp(random, false), peer);
      }
    }
    return new SwarmModel[] {first, second};
  }

  private static int reader(
      PeerStore store,
      InfoHash infoHash,
      IntFunction<Peer> peers,
      AddressFamily family,
      AtomicBoolean writing) {
    int reads = 0;
    Random random = new Random(7);
    while (writing.get() || reads == 0) {
      Peer asker = peers.apply(1 + random.nextInt(800));
      List<Peer> got = store.announcePeers(infoHash, random.nextBoolean(), 30, asker);
      assertFalse(got.contains(asker), "the asker got itself");
      assertEquals(got.size(), new HashSet<>(got).size(), "a peer listed twice");
      assertTrue(store.scrapeSwarm(infoHash, family).complete() >= 0);
      reads++;
    }
    return reads;
  }
}
