package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnounceResponseTest {
  private static final Duration INTERVAL = Duration.ofMinutes(30);
  private static final Duration MIN_INTERVAL = Duration.ofMinutes(15);
  private static final Peer PEER = peer("10.0.0.1", 6881);

  /** Intervals in seconds; an empty cell is a missing interval. */
  @ParameterizedTest
  @CsvSource({", 900", "1800, ", "-1, 900", "1800, -1"})
  void intervalsAreRequiredAndNotNegative(Long interval, Long minInterval) {
    Duration first = interval == null ? null : Duration.ofSeconds(interval);
    Duration second = minInterval == null ? null : Duration.ofSeconds(minInterval);
    assertThrows(
        IllegalArgumentException.class, () -> new AnnounceResponse(first, second, 0, 0, List.of()));
  }

  @Test
  void zeroIntervalsAreAllowed() {
    assertEquals(
        Duration.ZERO,
        new AnnounceResponse(Duration.ZERO, Duration.ZERO, 0, 0, List.of()).minInterval());
  }

  @Test
  void countsCannotBeNegative() {
    AnnounceResponse initial = AnnounceResponse.initial(INTERVAL, MIN_INTERVAL);

    assertThrows(IllegalArgumentException.class, () -> initial.withSwarm(-1, 0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> initial.withSwarm(0, -1, List.of()));
  }

  @Test
  void thePeerListIsAnImmutableCopy() {
    List<Peer> peers = new ArrayList<>(List.of(PEER));
    AnnounceResponse response = new AnnounceResponse(INTERVAL, MIN_INTERVAL, 1, 0, peers);
    peers.clear();

    assertEquals(List.of(PEER), response.peers());
    assertThrows(UnsupportedOperationException.class, () -> response.peers().add(PEER));
  }

  @Test
  void initialHasTheIntervalsAndNothingElse() {
    assertEquals(
        new AnnounceResponse(INTERVAL, MIN_INTERVAL, 0, 0, List.of()),
        AnnounceResponse.initial(INTERVAL, MIN_INTERVAL));
  }

  @Test
  void copiesChangeOnlyWhatTheySay() {
    AnnounceResponse response = AnnounceResponse.initial(INTERVAL, MIN_INTERVAL);
    Duration longer = Duration.ofHours(1);

    AnnounceResponse swarm = response.withSwarm(2, 3, List.of(PEER));
    assertEquals(new AnnounceResponse(INTERVAL, MIN_INTERVAL, 2, 3, List.of(PEER)), swarm);
    assertEquals(
        new AnnounceResponse(longer, INTERVAL, 2, 3, List.of(PEER)),
        swarm.withIntervals(longer, INTERVAL));
  }
}
