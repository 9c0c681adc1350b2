package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisStoreConfigTest {
  @Test
  void defaults() {
    RedisStoreConfig config = RedisStoreConfig.from(Options.of(Map.of()));
    assertEquals(URI.create("redis://127.0.0.1:6379"), config.url());
    assertEquals(Duration.ofMinutes(31), config.peerLifetime());
    assertEquals(Duration.ofSeconds(2), config.connectTimeout());
    assertEquals(Duration.ofSeconds(1), config.readTimeout());
    assertEquals(16, config.poolMax());
  }

  @Test
  void everyKeyIsRead() {
    RedisStoreConfig config =
        RedisStoreConfig.from(
            Options.of(
                Map.of(
                    "url", "rediss://karuta:s3cret@redis.example:6380/2",
                    "peer_lifetime", "45m",
                    "connect_timeout", "250ms",
                    "read_timeout", "100ms",
                    "pool_max", "64")));
    assertEquals(URI.create("rediss://karuta:s3cret@redis.example:6380/2"), config.url());
    assertEquals(Duration.ofMinutes(45), config.peerLifetime());
    assertEquals(Duration.ofMillis(250), config.connectTimeout());
    assertEquals(Duration.ofMillis(100), config.readTimeout());
    assertEquals(64, config.poolMax());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:6379",
        "http://localhost:6379",
        "redis://localhost",
        "redis://:6379",
        "redis://localhost:6379/x",
        "redis://localhost:6379/0?timeout=1",
        "redis://user:pw@host:6379/ bad"
      })
  void badUrlsNameTheKeyButNotThePassword(String url) {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> RedisStoreConfig.from(Options.of(Map.of("url", url))));
    assertTrue(e.getMessage().startsWith("url "), e.getMessage());
    assertFalse(e.getMessage().contains("pw"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"connect_timeout", "read_timeout", "peer_lifetime", "pool_max"})
  void zeroIsRejected(String key) {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> RedisStoreConfig.from(Options.of(Map.of(key, "0"))));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @Test
  void unknownKeysAreRejected() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> RedisStoreConfig.from(Options.of(Map.of("sentinel_master", "x"))));
    assertTrue(e.getMessage().contains("sentinel_master"), e.getMessage());
  }
}
