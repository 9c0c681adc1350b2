package io.karuta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.karuta.storage.redis.RedisStoreConfig;
import io.karuta.storage.redis.RedisTopology;
import io.karuta.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Redis example, server-config/karuta-redis.yaml, starts as it is, and each of its
 * commented-out modes starts once uncommented in place of the standalone one.
 */
class RedisExampleConfigTest {
  private static final Path EXAMPLE = Path.of("server-config", "karuta-redis.yaml");

  @Test
  void theExampleConfiguresAStandaloneRedisWithoutWarnings() {
    TrackerConfig config;
    List<String> warnings;
    try (LogCapture log = LogCapture.of(ConfigReader.class)) {
      config = ConfigReader.read(ConfigReaderTest.fileConfig(EXAMPLE));
      warnings = log.messages(Level.WARNING);
    }

    assertEquals("redis", config.storage().name());
    assertEquals(List.of(), warnings);
    RedisStoreConfig redis = RedisStoreConfig.from(config.storage().options());
    RedisTopology.Standalone standalone =
        assertInstanceOf(RedisTopology.Standalone.class, redis.topology());
    assertEquals("127.0.0.1:6379", standalone.server().toString());
    assertEquals(Duration.ofMinutes(31), redis.peerLifetime());
  }

  @Test
  void theCommentedSentinelModeIsValid(@TempDir Path dir) throws IOException {
    RedisTopology.Sentinel sentinel =
        assertInstanceOf(RedisTopology.Sentinel.class, withMode("sentinel", dir).topology());
    assertEquals("mymaster", sentinel.masterName());
    assertEquals(3, sentinel.sentinels().size());
  }

  @Test
  void theCommentedClusterModeIsValid(@TempDir Path dir) throws IOException {
    RedisTopology.Cluster cluster =
        assertInstanceOf(RedisTopology.Cluster.class, withMode("cluster", dir).topology());
    assertEquals(3, cluster.seeds().size());
    assertEquals(3, cluster.maxAttempts());
  }

  /**
   * Drops the standalone lines and uncomments the block that starts with {@code # mode: <mode>} (up
   * to the next blank line, end-of-line comments removed), then reads the store's options.
   */
  private static RedisStoreConfig withMode(String mode, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(EXAMPLE)) {
      String trimmed = line.strip();
      if (trimmed.equals("# mode: " + mode)) {
        inBlock = true;
      } else if (trimmed.isEmpty()) {
        inBlock = false;
      }
      if (trimmed.startsWith("mode: standalone") || trimmed.startsWith("url: ")) {
        continue;
      }
      if (inBlock) {
        String uncommented = line.replaceFirst("# ", "");
        int comment = uncommented.indexOf("  #");
        out.add(comment < 0 ? uncommented : uncommented.substring(0, comment));
      } else {
        out.add(line);
      }
    }
    Path file = dir.resolve("karuta-" + mode + ".yaml");
    Files.write(file, out);
    YamlConfigSource source = new YamlConfigSource(file.toString());
    assertFalse(source.loadError().isPresent(), () -> source.loadError().get());
    TrackerConfig config = ConfigReader.read(ConfigReaderTest.fileConfig(file));
    return RedisStoreConfig.from(config.storage().options());
  }
}
