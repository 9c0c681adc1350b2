package io.karuta.storage.redis;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import java.nio.charset.StandardCharsets;

/** The torrent and peers of the Redis tests that do not extend the store contract. */
final class TestPeers {
  /** One torrent for every such test. */
  static final InfoHash TORRENT = InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");

  private TestPeers() {}

  /** The IPv4 peer number {@code n} (0 to 65534): its own ID, on 10.0.0.1, port {@code n + 1}. */
  static Peer peer(int n) {
    String id = String.format("-KR0001-%012d", n);
    return new Peer(
        PeerId.of(id.getBytes(StandardCharsets.US_ASCII)), IpAddress.parse("10.0.0.1"), n + 1);
  }
}
