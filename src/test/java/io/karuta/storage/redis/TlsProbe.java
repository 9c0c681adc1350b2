package io.karuta.storage.redis;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Run in a child JVM by {@link RedisTlsTest}, whose trust store only a fresh JVM can pick up: for
 * each URL argument, writes a peer through a store and prints the leecher count read back, or
 * {@code unavailable}.
 */
public final class TlsProbe {
  private TlsProbe() {}

  /** Prints one line per URL in {@code args}. */
  public static void main(String[] args) {
    for (String url : args) {
      RedisStoreConfig config =
          new RedisStoreConfig(
              RedisUrl.parse("url", URI.create(url).toString()),
              Duration.ofMinutes(31),
              Duration.ofSeconds(2),
              Duration.ofSeconds(2),
              2);
      try (RedisPeerStore store = new RedisPeerStore(config, InstantSource.system())) {
        store.putLeecher(TestPeers.TORRENT, TestPeers.peer(1));
        System.out.println(store.scrapeSwarm(TestPeers.TORRENT, AddressFamily.IPV4).incomplete());
      } catch (ClientError e) {
        System.out.println("unavailable");
      }
    }
  }
}
