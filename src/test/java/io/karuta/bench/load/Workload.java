package io.karuta.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The torrents and virtual peers of one run, built once up front, and the sequence of requests.
 *
 * <p>Info-hashes come from {@code SplittableRandom(seed)} alone, 20 bytes per torrent in order, so
 * {@code load hashes} with the same seed and torrent count prints exactly the hashes the run uses.
 * Peers come from a second generator: a peer id {@value #PEER_ID_PREFIX} plus 12 random bytes, a
 * port from 1024 to 65535, a torrent chosen as {@code floor(torrents * u * u)} with {@code u}
 * uniform in [0, 1), so torrent 0 draws the most peers and the first tenth of the torrents about
 * 32% of them, and seeder status for {@code seeders} percent of the peers.
 *
 * <p>Announces walk the peers round-robin; a peer's first announce says {@code started}, later ones
 * no event. One request in {@code scrapeEvery} is a scrape of 1 or (alternately) {@code
 * scrapeHashes} consecutive torrents from a random start. Not thread-safe.
 */
final class Workload {
  /** The client prefix of every peer id (Azureus style: "KL", version 0001). */
  static final String PEER_ID_PREFIX = "-KL0001-";

  /** {@code left} for leechers: any fixed nonzero value. */
  static final long LEECHER_LEFT = 1_000_000;

  private static final long PEER_STREAM = 0x9E3779B97F4A7C15L;

  final int torrents;
  final int peers;
  final int numWant;
  private final byte[] hashes;
  private final byte[] peerIds;
  private final int[] peerTorrent;
  private final int[] peerPort;
  private final int[] peerKey;
  private final boolean[] seeder;
  private final boolean[] started;
  private final int scrapeEvery;
  private final int scrapeHashes;
  private final SplittableRandom choices;
  private int nextPeer;
  private long requests;
  private long scrapes;

  Workload(LoadOptions o) {
    this(
        o.torrents(),
        o.peers(),
        o.seedersPercent(),
        o.numWant(),
        o.scrapeEvery(),
        o.scrapeHashes(),
        o.seed());
  }

  Workload(
      int torrents,
      int peers,
      int seedersPercent,
      int numWant,
      int scrapeEvery,
      int scrapeHashes,
      long seed) {
    this.torrents = torrents;
    this.scrapeHashes = scrapeHashes;
    this.peers = peers;
    this.numWant = numWant;
    this.scrapeEvery = scrapeEvery;
    this.hashes = infoHashes(torrents, seed);
    SplittableRandom random = new SplittableRandom(seed ^ PEER_STREAM);
    peerIds = new byte[peers * 20];
    peerTorrent = new int[peers];
    peerPort = new int[peers];
    peerKey = new int[peers];
    seeder = new boolean[peers];
    started = new boolean[peers];
    byte[] prefix = PEER_ID_PREFIX.getBytes(StandardCharsets.US_ASCII);
    for (int p = 0; p < peers; p++) {
      System.arraycopy(prefix, 0, peerIds, p * 20, prefix.length);
      for (int i = prefix.length; i < 20; i++) {
        peerIds[p * 20 + i] = (byte) random.nextInt(256);
      }
      double u = random.nextDouble();
      peerTorrent[p] = Math.min(torrents - 1, (int) (torrents * u * u));
      peerPort[p] = 1024 + random.nextInt(65536 - 1024);
      peerKey[p] = random.nextInt();
      seeder[p] = random.nextInt(100) < seedersPercent;
    }
    choices = random.split();
  }

  /** The info-hashes of {@code torrents} torrents for {@code seed}, 20 bytes each, in order. */
  static byte[] infoHashes(int torrents, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] out = new byte[torrents * 20];
    for (int i = 0; i < out.length; i += 8) {
      long bits = random.nextLong();
      for (int b = 0; b < 8 && i + b < out.length; b++) {
        out[i + b] = (byte) (bits >>> (8 * b));
      }
    }
    return out;
  }

  /** Whether the next request is a scrape; advances the request sequence. */
  boolean nextIsScrape() {
    requests++;
    return scrapeEvery > 0 && requests % scrapeEvery == 0;
  }

  /**
   * Picks the next scrape: returns the first torrent; {@link #scrapeSize()} tells how many follow
   * (wrapping around), alternating 1 and {@code scrapeHashes} (at most the number of torrents).
   */
  int nextScrapeStart() {
    scrapes++;
    return choices.nextInt(torrents);
  }

  /** The number of hashes in the scrape last picked by {@link #nextScrapeStart()}. */
  int scrapeSize() {
    return scrapes % 2 == 1 ? 1 : Math.min(scrapeHashes, torrents);
  }

  /** The torrent at position {@code i} of a scrape starting at {@code start}. */
  int scrapeTorrent(int start, int i) {
    return (start + i) % torrents;
  }

  /** The next peer to announce, round-robin. */
  int nextPeer() {
    int p = nextPeer;
    nextPeer = p + 1 == peers ? 0 : p + 1;
    return p;
  }

  /** Whether this is peer {@code p}'s first announce ({@code started}); marks it as done. */
  boolean firstAnnounce(int p) {
    boolean first = !started[p];
    started[p] = true;
    return first;
  }

  /** The raw info-hashes, 20 bytes per torrent. */
  byte[] hashes() {
    return hashes;
  }

  /** The offset of torrent {@code t}'s hash in {@link #hashes()}. */
  static int hashOffset(int t) {
    return t * 20;
  }

  /** The raw peer ids, 20 bytes per peer. */
  byte[] peerIds() {
    return peerIds;
  }

  int torrentOf(int p) {
    return peerTorrent[p];
  }

  int portOf(int p) {
    return peerPort[p];
  }

  int keyOf(int p) {
    return peerKey[p];
  }

  /** {@code left} as peer {@code p} announces it: 0 for seeders. */
  long leftOf(int p) {
    return seeder[p] ? 0 : LEECHER_LEFT;
  }
}
