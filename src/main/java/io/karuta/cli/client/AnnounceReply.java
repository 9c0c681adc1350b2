package io.karuta.cli.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A tracker's answer to an announce that did not fail, as read from the wire.
 *
 * @param interval how long the client should wait before its next announce
 * @param minInterval HTTP's {@code min interval}, when sent (UDP has no such field)
 * @param complete seeders, when sent (always over UDP; optional over HTTP)
 * @param incomplete leechers, when sent (always over UDP; optional over HTTP)
 * @param peers the peers in reply order: HTTP's {@code peers} then {@code peers6}
 * @param warning HTTP's {@code warning message}, when sent
 */
public record AnnounceReply(
    Duration interval,
    Optional<Duration> minInterval,
    OptionalLong complete,
    OptionalLong incomplete,
    List<TrackerPeer> peers,
    Optional<String> warning) {

  /** Checks that every part is present and makes the peer list immutable. */
  public AnnounceReply {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(minInterval, "minInterval");
    Objects.requireNonNull(complete, "complete");
    Objects.requireNonNull(incomplete, "incomplete");
    Objects.requireNonNull(warning, "warning");
    peers = List.copyOf(peers);
  }

  /** Whether a peer with this port is among the peers. */
  public boolean hasPeerWithPort(int port) {
    return peers.stream().anyMatch(peer -> peer.port() == port);
  }
}
