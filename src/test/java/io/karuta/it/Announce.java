package io.karuta.it;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The query of one announce, with the parameters a real client sends. Each test uses its own random
 * info-hash, so tests sharing one deployment never see each other's swarms.
 */
public final class Announce {
  private byte[] infoHash;
  private String peerId = "-KR0001-000000000001";
  private int port = 6881;
  private long left = 1000;
  private String event = "started";
  private String extra = "";
  private boolean compact = true;

  /** An announce for a fresh random torrent. */
  public static Announce fresh() {
    Announce announce = new Announce();
    announce.infoHash = randomInfoHash();
    return announce;
  }

  /** Returns 20 random bytes. */
  public static byte[] randomInfoHash() {
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  /** An announce for the torrent {@code infoHash}. */
  public static Announce of(byte[] infoHash) {
    Announce announce = new Announce();
    announce.infoHash = infoHash.clone();
    return announce;
  }

  /** Another peer's announce for the same torrent. */
  public Announce peer(int number, int peerPort) {
    Announce other = copy();
    other.peerId = String.format("-KR0001-%012d", number);
    other.port = peerPort;
    return other;
  }

  public Announce left(long bytesLeft) {
    Announce other = copy();
    other.left = bytesLeft;
    return other;
  }

  public Announce event(String newEvent) {
    Announce other = copy();
    other.event = newEvent;
    return other;
  }

  public Announce dictionaryPeers() {
    Announce other = copy();
    other.compact = false;
    return other;
  }

  /** Adds raw query text, for example {@code "&numwant=0"}. */
  public Announce with(String rawQueryPart) {
    Announce other = copy();
    other.extra = extra + rawQueryPart;
    return other;
  }

  public byte[] infoHash() {
    return infoHash.clone();
  }

  public String peerId() {
    return peerId;
  }

  public int port() {
    return port;
  }

  /** The query string, without {@code ?}. */
  public String query() {
    return "info_hash="
        + TrackerClient.escape(infoHash)
        + "&peer_id="
        + TrackerClient.escape(peerId.getBytes(StandardCharsets.ISO_8859_1))
        + "&port="
        + port
        + "&uploaded=0&downloaded=0&left="
        + left
        + (event.isEmpty() ? "" : "&event=" + event)
        + (compact ? "&compact=1" : "")
        + extra;
  }

  private Announce copy() {
    Announce other = new Announce();
    other.infoHash = infoHash;
    other.peerId = peerId;
    other.port = port;
    other.left = left;
    other.event = event;
    other.extra = extra;
    other.compact = compact;
    return other;
  }
}
