package io.karuta.cli.e2e;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.AnnounceQuery;
import io.karuta.cli.client.AnnounceReply;
import io.karuta.cli.client.RandomIds;
import io.karuta.cli.client.Tracker;
import io.karuta.cli.client.TrackerException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Chihaya's end-to-end check, for any tracker. One run, on a fresh random torrent or the one given:
 *
 * <ol>
 *   <li>A scrape gives the swarm's counts before the run (zero on a fresh torrent; whatever others
 *       left on a given one, which the later checks add to).
 *   <li>Peer A, a seeder ({@code left=0}), announces {@code started}; the reply must not fail.
 *   <li>Peer B, a leecher, announces {@code started} and must be given a peer with A's port.
 *       Trackers may write the swarm after they reply (Karuta, Chihaya), so B announces again, as a
 *       regular update, until A shows up or the wait runs out. Only the port is compared: a tracker
 *       behind NAT sees another address than the one this machine has.
 *   <li>The counts in that reply, when the tracker sends them: one more seeder than before, and one
 *       more leecher (counted after the announce, as Karuta and opentracker do) or as many as
 *       before (counted before it, as Chihaya does).
 *   <li>The scrape must count one more seeder and one more leecher than before (again within the
 *       wait).
 *   <li>A and B announce {@code stopped}; the replies must not fail.
 *   <li>The scrape must come back to the counts from before.
 * </ol>
 *
 * The {@code downloaded} count is never checked: no peer sends {@code completed}, and trackers
 * differ on whether a peer that starts complete counts as a download. A run that fails after A
 * announced still stops both peers, ignoring errors, so a given torrent is left as it was.
 */
public final class EndToEndCheck {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long LEECHER_LEFT = 1_000_000;
  private static final int NUM_WANT = 50;

  private final Duration wait;
  private final RandomGenerator random;

  /**
   * @param wait how long a change may take to show in the tracker's replies (0 tries once)
   * @param random the source of torrents, peer IDs, ports and keys
   */
  public EndToEndCheck(Duration wait, RandomGenerator random) {
    this.wait = Objects.requireNonNull(wait, "wait");
    this.random = Objects.requireNonNull(random, "random");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("the wait cannot be negative");
    }
  }

  /**
   * Runs the check {@code count} times against {@code tracker}, each on a fresh random torrent or,
   * when given, on {@code infoHash}; stops at the first failure.
   */
  public CheckResult run(Tracker tracker, Optional<InfoHash> infoHash, int count) {
    long start = System.nanoTime();
    int peers = 0;
    for (int run = 1; run <= count; run++) {
      try {
        runOnce(tracker, infoHash.orElseGet(() -> RandomIds.infoHash(random)));
        peers += 2;
      } catch (CheckFailure failure) {
        String where = count == 1 ? "" : " (run " + run + " of " + count + ")";
        return result(tracker, run, peers + 2, start, Optional.of(failure.getMessage() + where));
      }
    }
    return result(tracker, count, peers, start, Optional.empty());
  }

  private static CheckResult result(
      Tracker tracker, int runs, int peers, long start, Optional<String> failure) {
    return new CheckResult(
        runs, peers, tracker.requests(), Duration.ofNanos(System.nanoTime() - start), failure);
  }

  private void runOnce(Tracker tracker, InfoHash infoHash) throws CheckFailure {
    Scrape before = scrape(tracker, infoHash, "the first scrape");
    int port = 10_000 + random.nextInt(50_000);
    AnnounceQuery seeder = query(infoHash, port, 0);
    AnnounceQuery leecher = query(infoHash, port + 1, LEECHER_LEFT);
    boolean stopped = false;
    try {
      announce(tracker, seeder, "the first peer's announce");
      AnnounceReply reply = announce(tracker, leecher, "the second peer's announce");
      reply = awaitFirstPeer(tracker, leecher.withEvent(Event.NONE), reply, port);
      checkCounts(reply, before);
      awaitScrape(
          tracker,
          infoHash,
          before.complete() + 1,
          before.incomplete() + 1,
          "the scrape counts %d seeders and %d leechers, expected %d and %d");
      stopped = true;
      try {
        announce(tracker, seeder.withEvent(Event.STOPPED), "the first peer's stop");
      } catch (CheckFailure failure) {
        stopQuietly(tracker, leecher);
        throw failure;
      }
      announce(tracker, leecher.withEvent(Event.STOPPED), "the second peer's stop");
    } finally {
      if (!stopped) {
        stopQuietly(tracker, seeder);
        stopQuietly(tracker, leecher);
      }
    }
    awaitScrape(
        tracker,
        infoHash,
        before.complete(),
        before.incomplete(),
        "after both peers stopped, the scrape counts %d seeders and %d leechers, expected %d and"
            + " %d");
  }

  private AnnounceReply awaitFirstPeer(
      Tracker tracker, AnnounceQuery update, AnnounceReply first, int seederPort)
      throws CheckFailure {
    long deadline = System.nanoTime() + wait.toNanos();
    AnnounceReply reply = first;
    while (!reply.hasPeerWithPort(seederPort)) {
      if (System.nanoTime() - deadline >= 0) {
        throw new CheckFailure("the second peer was not given the first");
      }
      pause();
      reply = announce(tracker, update, "the second peer's announce");
    }
    return reply;
  }

  private static void checkCounts(AnnounceReply reply, Scrape before) throws CheckFailure {
    if (reply.complete().isEmpty() || reply.incomplete().isEmpty()) {
      return;
    }
    long complete = reply.complete().getAsLong();
    long incomplete = reply.incomplete().getAsLong();
    if (complete != before.complete() + 1
        || (incomplete != before.incomplete() + 1 && incomplete != before.incomplete())) {
      throw new CheckFailure(
          String.format(
              "the second peer's announce reply counts %d seeders and %d leechers, expected %d"
                  + " and %d",
              complete, incomplete, before.complete() + 1, before.incomplete() + 1));
    }
  }

  private void awaitScrape(
      Tracker tracker, InfoHash infoHash, int complete, int incomplete, String failure)
      throws CheckFailure {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Scrape scrape = scrape(tracker, infoHash, "a scrape");
      if (scrape.complete() == complete && scrape.incomplete() == incomplete) {
        return;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new CheckFailure(
            String.format(failure, scrape.complete(), scrape.incomplete(), complete, incomplete));
      }
      pause();
    }
  }

  private static Scrape scrape(Tracker tracker, InfoHash infoHash, String step)
      throws CheckFailure {
    try {
      return tracker.scrape(List.of(infoHash)).get(0);
    } catch (TrackerException e) {
      throw failure(step, e);
    }
  }

  private static AnnounceReply announce(Tracker tracker, AnnounceQuery query, String step)
      throws CheckFailure {
    try {
      return tracker.announce(query);
    } catch (TrackerException e) {
      throw failure(step, e);
    }
  }

  private static void stopQuietly(Tracker tracker, AnnounceQuery query) {
    try {
      tracker.announce(query.withEvent(Event.STOPPED));
    } catch (TrackerException | RuntimeException ignored) {
      // Cleaning up after a failure that is already being reported.
    }
  }

  /** Transport failures speak for themselves; the tracker's answers need the step they answer. */
  private static CheckFailure failure(String step, TrackerException e) {
    return new CheckFailure(
        e.kind() == TrackerException.Kind.UNREACHABLE
            ? e.getMessage()
            : step + ": " + e.getMessage());
  }

  private AnnounceQuery query(InfoHash infoHash, int port, long left) {
    return new AnnounceQuery(
        infoHash,
        RandomIds.peerId(random),
        port,
        0,
        0,
        left,
        Event.STARTED,
        NUM_WANT,
        random.nextInt(),
        true);
  }

  private static void pause() throws CheckFailure {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckFailure("interrupted");
    }
  }
}
