package io.karuta.bittorrent;

/**
 * An announce (BEP 3 over HTTP, BEP 15 over UDP), parsed and protocol-neutral.
 *
 * @param infoHash the torrent
 * @param peer the announcing peer: its ID and the address other peers should use
 * @param event what happened; {@link Event#NONE} for a regular update
 * @param uploaded bytes uploaded so far, 0 or more
 * @param downloaded bytes downloaded so far, 0 or more
 * @param left bytes still missing; 0 means the peer is a seeder
 * @param numWant how many peers the client wants, 0 or more (see {@link Sanitizer})
 * @param numWantProvided whether the client sent a value (otherwise the default applies)
 * @param compact whether the HTTP client asked for compact peers (BEP 23)
 * @param noPeerId whether the HTTP client allows leaving {@code peer id} out of dictionary peers
 * @param params every request parameter, for hooks
 */
public record AnnounceRequest(
    InfoHash infoHash,
    Peer peer,
    Event event,
    long uploaded,
    long downloaded,
    long left,
    int numWant,
    boolean numWantProvided,
    boolean compact,
    boolean noPeerId,
    Params params) {

  /** Checks that every part is present and every count is non-negative. */
  public AnnounceRequest {
    if (infoHash == null || peer == null || event == null || params == null) {
      throw new IllegalArgumentException("info-hash, peer, event and params are required");
    }
    if (uploaded < 0 || downloaded < 0 || left < 0 || numWant < 0) {
      throw new IllegalArgumentException("byte counts and numwant cannot be negative");
    }
  }

  /** Returns whether the peer is a seeder, that is whether nothing is {@link #left()}. */
  public boolean seeding() {
    return left == 0;
  }

  /** Returns the address family of the announcing peer, which selects the swarm. */
  public AddressFamily family() {
    return peer.family();
  }

  /** Returns a copy with another {@code numWant}. */
  public AnnounceRequest withNumWant(int newNumWant) {
    return new AnnounceRequest(
        infoHash,
        peer,
        event,
        uploaded,
        downloaded,
        left,
        newNumWant,
        numWantProvided,
        compact,
        noPeerId,
        params);
  }
}
