package io.karuta.cli.client;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import java.util.Objects;

/**
 * What one announce says about its peer, the same over HTTP and UDP. The peer's address is never
 * sent: the tracker takes it from the connection.
 *
 * @param infoHash the torrent
 * @param peerId the peer's 20-byte ID
 * @param port the peer's TCP port, 1 to 65535
 * @param uploaded bytes uploaded, 0 or more
 * @param downloaded bytes downloaded, 0 or more
 * @param left bytes left; 0 makes the peer a seeder
 * @param event the event, {@link Event#NONE} for a regular update
 * @param numWant how many peers to ask for, 0 or more
 * @param key the BEP 15 key (also sent over HTTP as {@code key}), which lets a tracker recognise a
 *     peer whose address changed
 * @param compact over HTTP, whether to ask for compact peers (BEP 23); UDP is always compact
 */
public record AnnounceQuery(
    InfoHash infoHash,
    PeerId peerId,
    int port,
    long uploaded,
    long downloaded,
    long left,
    Event event,
    int numWant,
    int key,
    boolean compact) {

  /** Checks the values. */
  public AnnounceQuery {
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(event, "event");
    if (port < 1 || port > 0xFFFF) {
      throw new IllegalArgumentException("the port is 1 to 65535, got " + port);
    }
    if (uploaded < 0 || downloaded < 0 || left < 0 || numWant < 0) {
      throw new IllegalArgumentException("uploaded, downloaded, left and numwant are 0 or more");
    }
  }

  /** Returns the same announce with another event. */
  public AnnounceQuery withEvent(Event newEvent) {
    return new AnnounceQuery(
        infoHash, peerId, port, uploaded, downloaded, left, newEvent, numWant, key, compact);
  }
}
