package io.karuta.bittorrent;

import java.time.Duration;
import java.util.List;

/**
 * The tracker's answer to an announce, protocol-neutral.
 *
 * @param interval how long the client should wait before its next announce
 * @param minInterval the shortest wait the client must respect (HTTP only; UDP has no field)
 * @param complete seeders in the requester's swarm
 * @param incomplete leechers in the requester's swarm
 * @param peers peers for the requester, all of the requester's address family
 */
public record AnnounceResponse(
    Duration interval, Duration minInterval, int complete, int incomplete, List<Peer> peers) {

  /** Checks the values and makes the peer list immutable. */
  public AnnounceResponse {
    if (interval == null
        || minInterval == null
        || interval.isNegative()
        || minInterval.isNegative()) {
      throw new IllegalArgumentException("intervals are required and cannot be negative");
    }
    if (complete < 0 || incomplete < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    peers = List.copyOf(peers);
  }

  /** Returns the response a request starts with: the configured intervals, no counts, no peers. */
  public static AnnounceResponse initial(Duration interval, Duration minInterval) {
    return new AnnounceResponse(interval, minInterval, 0, 0, List.of());
  }

  /** Returns a copy with other intervals. */
  public AnnounceResponse withIntervals(Duration newInterval, Duration newMinInterval) {
    return new AnnounceResponse(newInterval, newMinInterval, complete, incomplete, peers);
  }

  /** Returns a copy with other counts and peers. */
  public AnnounceResponse withSwarm(int newComplete, int newIncomplete, List<Peer> newPeers) {
    return new AnnounceResponse(interval, minInterval, newComplete, newIncomplete, newPeers);
  }
}
