package io.karuta.storage.redis;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.Hex;
import io.karuta.bittorrent.InfoHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of one swarm (one info-hash in one address family). All of them carry the hash tag
 * {@code {<info-hash hex>}}, so on a Cluster the keys of both families of a torrent sit in one slot
 * and no script ever touches two slots.
 *
 * <pre>
 *   karuta:{&lt;hex&gt;}:4s  sorted set of IPv4 seeders   (6s for IPv6)
 *   karuta:{&lt;hex&gt;}:4l  sorted set of IPv4 leechers  (6l for IPv6)
 *   karuta:{&lt;hex&gt;}:4m  hash: n = downloads, seen = last write (epoch seconds)
 * </pre>
 *
 * <p>A set member is {@link PeerCodec a packed peer}; its score is {@code 2 × last-seen seconds +
 * counted}, where {@code counted} is 1 once the peer's download was counted. Keeping the flag in
 * the score means expiring a peer by score also forgets its flag, in the same command.
 *
 * @param seeders the seeders' sorted set
 * @param leechers the leechers' sorted set
 * @param meta the download count and last activity
 */
record SwarmKeys(byte[] seeders, byte[] leechers, byte[] meta) {
  /** The prefix of every key the store writes; {@link #SCAN_PATTERN} finds them. */
  static final String PREFIX = "karuta:{";

  /** The SCAN pattern that matches the keys of every swarm. */
  static final String SCAN_PATTERN = "karuta:{*}:[46][slm]";

  private static final Pattern KEY = Pattern.compile("karuta:\\{([0-9a-f]{40})\\}:([46])[slm]");

  /** Returns the keys of the swarm of {@code infoHash} in {@code family}. */
  static SwarmKeys of(InfoHash infoHash, AddressFamily family) {
    String base =
        PREFIX + Hex.encode(infoHash.bytes()) + "}:" + (family == AddressFamily.IPV4 ? '4' : '6');
    return new SwarmKeys(bytes(base + "s"), bytes(base + "l"), bytes(base + "m"));
  }

  /** Returns the swarm a key found by {@link #SCAN_PATTERN} belongs to, if it is one of ours. */
  static Optional<SwarmKeys> ofKey(String key) {
    return nameOf(key).map(Name::keys);
  }

  /** Returns the info-hash and family of a key found by {@link #SCAN_PATTERN}, if it is ours. */
  static Optional<Name> nameOf(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    AddressFamily family = m.group(2).equals("4") ? AddressFamily.IPV4 : AddressFamily.IPV6;
    return Optional.of(new Name(InfoHash.fromHex(m.group(1)), family));
  }

  /**
   * What identifies a swarm: its info-hash and address family.
   *
   * @param infoHash the torrent
   * @param family the address family
   */
  record Name(InfoHash infoHash, AddressFamily family) {
    /** Returns the keys of this swarm. */
    SwarmKeys keys() {
      return of(infoHash, family);
    }
  }

  /**
   * Returns what the keys of one swarm have in common, for counting swarms among scanned keys: the
   * key without its last letter ({@code karuta:{<hex>}:4}).
   */
  static String swarmOf(String key) {
    return key.substring(0, key.length() - 1);
  }

  /** Returns the keys in the order the scripts expect them: seeders, leechers, meta. */
  List<byte[]> asList() {
    return List.of(seeders, leechers, meta);
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.US_ASCII);
  }
}
