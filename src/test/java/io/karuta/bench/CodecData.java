package io.karuta.bench;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.frontend.udp.ConnectionIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The inputs of the codec benchmarks: a requester, 50 random IPv4 peers (the default numwant) and
 * 10 random info-hashes, from a generator seeded with 0, and the tracker's default limits.
 */
final class CodecData {
  /** Peers in an announce reply: the default numwant, and what a busy swarm hands out. */
  static final int PEER_COUNT = 50;

  /** Info-hashes in a scrape: a client scraping its active torrents in one request. */
  static final int SCRAPE_COUNT = 10;

  /** The default limits: numwant cap 100, default 50, 50 info-hashes per scrape. */
  static final Sanitizer SANITIZER = new Sanitizer(100, 50, 50);

  static final IpAddress CLIENT_V4 = IpAddress.parse("203.0.113.7");
  static final IpAddress CLIENT_V6 = IpAddress.parse("2001:db8::7");
  static final InfoHash INFO_HASH;
  static final PeerId PEER_ID;
  static final List<Peer> PEERS;
  static final List<InfoHash> SCRAPED;

  static {
    Random random = new Random(0);
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    INFO_HASH = InfoHash.of(bytes);
    // A qBittorrent-style ID: the client prefix, then random bytes.
    byte[] prefix = "-qB4650-".getBytes(StandardCharsets.ISO_8859_1);
    random.nextBytes(bytes);
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    PEER_ID = PeerId.of(bytes);
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < PEER_COUNT; i++) {
      random.nextBytes(bytes);
      peers.add(
          new Peer(
              PeerId.of(bytes), IpAddress.ofIpv4(random.nextInt()), 1 + random.nextInt(65535)));
    }
    PEERS = List.copyOf(peers);
    List<InfoHash> hashes = new ArrayList<>();
    for (int i = 0; i < SCRAPE_COUNT; i++) {
      random.nextBytes(bytes);
      hashes.add(InfoHash.of(bytes));
    }
    SCRAPED = List.copyOf(hashes);
  }

  private CodecData() {}

  /** Returns a started IPv4 announce of {@link #INFO_HASH} wanting {@link #PEER_COUNT} peers. */
  static AnnounceRequest announceRequest(boolean compact) {
    return new AnnounceRequest(
        INFO_HASH,
        new Peer(PEER_ID, CLIENT_V4, 6881),
        Event.STARTED,
        0,
        0,
        1_000_000_000L,
        PEER_COUNT,
        true,
        compact,
        false,
        Params.empty());
  }

  /** Returns the default intervals, a swarm of 25 seeders and 25 leechers, and {@link #PEERS}. */
  static AnnounceResponse announceResponse() {
    return new AnnounceResponse(Duration.ofMinutes(30), Duration.ofMinutes(15), 25, 25, PEERS);
  }

  /** Returns counts for each of {@link #SCRAPED}, all different. */
  static ScrapeResponse scrapeResponse() {
    List<Scrape> files = new ArrayList<>();
    for (int i = 0; i < SCRAPED.size(); i++) {
      files.add(new Scrape(SCRAPED.get(i), 100 + i, 10 + i, 1000 + i));
    }
    return new ScrapeResponse(files);
  }

  /**
   * Returns a connection-ID issuer with a random key. Its lifetime is a day, not the default five
   * minutes, so IDs issued in a setup stay valid however long JMH runs; the lifetime does not
   * change the cost of a check.
   */
  static ConnectionIds connectionIds() {
    return new ConnectionIds(
        ConnectionIds.randomKey(),
        Duration.ofDays(1),
        Duration.ofSeconds(10),
        InstantSource.system());
  }
}
