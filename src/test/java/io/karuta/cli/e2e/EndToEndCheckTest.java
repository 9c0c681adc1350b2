package io.karuta.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.cli.client.AnnounceQuery;
import io.karuta.cli.client.TrackerException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EndToEndCheckTest {
  private static final InfoHash GIVEN =
      InfoHash.fromHex("00112233445566778899aabbccddeeff00112233");

  private final FakeTracker tracker = new FakeTracker();
  private final EndToEndCheck check = new EndToEndCheck(Duration.ofMillis(300), new Random(7));

  @Test
  void aCorrectTrackerPassesWithSevenRequestsPerRun() {
    CheckResult result = check.run(tracker, Optional.empty(), 1);

    assertEquals(Optional.empty(), result.failure());
    assertEquals(1, result.runs());
    assertEquals(2, result.peers());
    assertEquals(7, result.requests(), "scrape, 2 starts, scrape, 2 stops, scrape");
  }

  @Test
  void eachRunUsesAFreshTorrentAndTwoPeersThatStartAndStop() {
    CheckResult result = check.run(tracker, Optional.empty(), 3);

    assertTrue(result.ok(), result.failure().toString());
    assertEquals(3, result.runs());
    assertEquals(6, result.peers());
    assertEquals(3, tracker.announces.stream().map(AnnounceQuery::infoHash).distinct().count());
    assertEquals(
        List.of(Event.STARTED, Event.STARTED, Event.STOPPED, Event.STOPPED),
        tracker.announces.subList(0, 4).stream().map(AnnounceQuery::event).toList());
    AnnounceQuery seeder = tracker.announces.get(0);
    AnnounceQuery leecher = tracker.announces.get(1);
    assertEquals(0, seeder.left());
    assertTrue(leecher.left() > 0);
    assertTrue(seeder.port() != leecher.port());
    assertTrue(!seeder.peerId().equals(leecher.peerId()));
    assertTrue(seeder.peerId().toString().startsWith("2d4b4330303031"), "-KC0001-");
  }

  @Test
  void aGivenTorrentIsUsedForEveryRunAndItsOtherPeersAreCountedAroundTheCheck() {
    tracker.others.put(40_000, true);
    tracker.others.put(40_001, false);

    CheckResult result = check.run(tracker, Optional.of(GIVEN), 2);

    assertTrue(result.ok(), result.failure().toString());
    assertTrue(tracker.announces.stream().allMatch(query -> query.infoHash().equals(GIVEN)));
    assertEquals(List.of(40_000, 40_001), List.copyOf(tracker.swarmOf(GIVEN).keySet()));
  }

  @Test
  void aTrackerThatWritesAfterReplyingPassesWithinTheWait() {
    tracker.writeDelay = 2;

    CheckResult result = check.run(tracker, Optional.empty(), 1);

    assertTrue(result.ok(), result.failure().toString());
    assertTrue(result.requests() > 7, "the second peer announced again: " + result.requests());
  }

  @Test
  void countsFromBeforeTheAnnounceAsChihayaGivesThemPass() {
    tracker.countsBeforeAnnounce = true;

    assertTrue(check.run(tracker, Optional.empty(), 1).ok());
  }

  @Test
  void aTrackerThatDropsPeersFailsAndStillStopsBothPeers() {
    tracker.dropPeers = true;

    CheckResult result = check.run(tracker, Optional.of(GIVEN), 1);

    assertEquals(Optional.of("the second peer was not given the first"), result.failure());
    assertEquals(
        "udp udp://fake.invalid:1: FAILED: the second peer was not given the first",
        result.line("udp", tracker.url()));
    long stops = tracker.announces.stream().filter(q -> q.event() == Event.STOPPED).count();
    assertEquals(2, stops, "both peers stopped after the failure");
    assertEquals(0, tracker.swarmOf(GIVEN).size());
  }

  @Test
  void aScrapeThatCountsWronglyFailsWithBothCounts() {
    tracker.scrapeWithoutLeechers = true;

    CheckResult result = check.run(tracker, Optional.empty(), 1);

    assertEquals(
        Optional.of("the scrape counts 1 seeders and 0 leechers, expected 1 and 1"),
        result.failure());
  }

  @Test
  void peersThatDoNotLeaveWhenTheyStopFail() {
    tracker.ignoreStops = true;

    CheckResult result = check.run(tracker, Optional.empty(), 1);

    assertEquals(
        Optional.of(
            "after both peers stopped, the scrape counts 1 seeders and 1 leechers, expected 0 and"
                + " 0"),
        result.failure());
  }

  @Test
  void aRefusalNamesTheStepAndAFailureInALaterRunNamesTheRun() {
    tracker.failWith = TrackerException.refused("unapproved torrent");

    assertEquals(
        Optional.of("the first scrape: tracker failure: unapproved torrent (run 1 of 2)"),
        check.run(tracker, Optional.empty(), 2).failure());
  }

  @Test
  void anUnreachableTrackerIsReportedAsItIs() {
    tracker.failWith = TrackerException.unreachable("connection refused");

    CheckResult result = check.run(tracker, Optional.empty(), 1);

    assertEquals(Optional.of("connection refused"), result.failure());
    assertEquals(
        "http http://127.0.0.1:1/announce: FAILED: connection refused",
        result.line("http", URI.create("http://127.0.0.1:1/announce")));
  }

  @Test
  void theVerdictLineCountsRunsPeersRequestsAndMilliseconds() {
    CheckResult one = new CheckResult(1, 2, 1, Duration.ofMillis(4), Optional.empty());
    CheckResult three = new CheckResult(3, 6, 21, Duration.ofMillis(1234), Optional.empty());
    URI url = URI.create("http://127.0.0.1:6969/announce");

    assertEquals(
        "http http://127.0.0.1:6969/announce: ok (1 run, 2 peers, 1 request, 4 ms)",
        one.line("http", url));
    assertEquals(
        "http http://127.0.0.1:6969/announce: ok (3 runs, 6 peers, 21 requests, 1234 ms)",
        three.line("http", url));
  }
}
