package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/** Random torrents and peer IDs for test announces. */
public final class RandomIds {
  /** The Azureus-style client prefix of every generated peer ID: {@code -KC0001-}. */
  public static final String PEER_ID_PREFIX = "-KC0001-";

  private static final String CHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private RandomIds() {}

  /** Returns a random info-hash: a torrent nobody else announces. */
  public static InfoHash infoHash(RandomGenerator random) {
    byte[] bytes = new byte[InfoHash.LENGTH];
    random.nextBytes(bytes);
    return InfoHash.of(bytes);
  }

  /** Returns {@link #PEER_ID_PREFIX} and 12 random letters and digits. */
  public static PeerId peerId(RandomGenerator random) {
    StringBuilder id = new StringBuilder(PEER_ID_PREFIX);
    while (id.length() < PeerId.LENGTH) {
      id.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return PeerId.of(id.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
