package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import io.karuta.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;

/** The keys every mode reads, and standalone mode's {@code url}. */
class RedisStoreConfigTest {
  @Test
  void defaults() {
    RedisStoreConfig config = RedisStoreConfig.from(Options.of(Map.of()));
    assertEquals(
        new RedisTopology.Standalone(new HostAndPort("127.0.0.1", 6379), 0, Login.NONE, false),
        config.topology());
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
                    "mode", "standalone",
                    "url", "rediss://karuta:s3cret@redis.example:6380/2",
                    "peer_lifetime", "45m",
                    "connect_timeout", "250ms",
                    "read_timeout", "100ms",
                    "pool_max", "64")));
    assertEquals(
        new RedisTopology.Standalone(
            new HostAndPort("redis.example", 6380), 2, new Login("karuta", "s3cret"), true),
        config.topology());
    assertEquals(Duration.ofMinutes(45), config.peerLifetime());
    assertEquals(Duration.ofMillis(250), config.connectTimeout());
    assertEquals(Duration.ofMillis(100), config.readTimeout());
    assertEquals(64, config.poolMax());
  }

  @Test
  void aHostNameWithAnUnderscoreIsAccepted() {
    RedisTopology.Standalone standalone = RedisUrl.parse("url", "redis://:pw@redis_primary:6380/2");

    assertEquals(new HostAndPort("redis_primary", 6380), standalone.server());
    assertEquals(new Login(null, "pw"), standalone.login());
    assertEquals(2, standalone.database());
    assertEquals(
        new HostAndPort("cache_1.internal", 6379),
        RedisUrl.parse("url", "redis://cache_1.internal:6379").server());
  }

  @Test
  void theUrlMayHoldAPasswordAloneOrPercentEncoded() {
    assertEquals(
        new Login(null, "pw"), RedisUrl.parse("url", "redis://:pw@localhost:6379").login());
    assertEquals(
        new Login("a b", "p@ss:w+rd/"),
        RedisUrl.parse("url", "redis://a%20b:p%40ss:w+rd%2F@localhost:6379").login());
    assertEquals(
        new HostAndPort("::1", 6379), RedisUrl.parse("url", "redis://[::1]:6379/").server());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:6379",
        "http://localhost:6379",
        "redis://localhost",
        "redis://:6379",
        "redis://localhost:6379/x",
        "redis://localhost:6379/65536",
        "redis://localhost:6379/0?timeout=1",
        "redis://bad_host",
        "redis://bad_host:99999",
        "redis://bad_host:6379?x=1",
        "redis://user:pw@host:6379/ bad",
        "redis://pw@host:6379",
        "redis://user:@host:6379"
      })
  void badUrlsNameTheKeyButNotThePassword(String url) {
    String message = error(Map.of("url", url));
    assertTrue(message.startsWith("url "), message);
    assertFalse(message.contains("pw"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"connect_timeout", "read_timeout", "peer_lifetime", "pool_max"})
  void zeroIsRejected(String key) {
    String message = error(Map.of(key, "0"));
    assertTrue(message.contains(key), message);
  }

  @Test
  void unknownKeysAreRejected() {
    String message = error(Map.of("sentinel_masters", "x"));
    assertTrue(message.startsWith("sentinel_masters: unknown key"), message);
    assertTrue(message.contains("did you mean sentinel_master?"), message);
  }

  @Test
  void anUnknownModeIsRejected() {
    assertEquals(
        "mode: 'replicated' is not supported (allowed: cluster, sentinel, standalone)",
        error(Map.of("mode", "replicated")));
  }

  @Test
  void theConfigurationNeverShowsAPassword() {
    RedisStoreConfig config =
        RedisStoreConfig.from(
            Options.of(Map.of("url", "redis://karuta:s3cret@redis.example:6380/2")));
    assertFalse(config.toString().contains("s3cret"), config.toString());
    assertTrue(config.toString().contains("REDACTED"), config.toString());
  }

  @Test
  void everyKeyIsDocumentedAndKarutasOwnAreInTheExample() throws IOException {
    String docs = Files.readString(Path.of("docs", "configuration.md"));
    String example = Files.readString(Path.of("server-config", "karuta.yaml"));
    for (String key : RedisStoreConfig.knownKeys()) {
      assertTrue(docs.contains("`storage.config." + key + "`"), key + " in configuration.md");
      if (!RedisStoreConfig.chihayaKeys().contains(key)) {
        assertTrue(example.contains(" " + key + ":"), key + " in karuta.yaml");
      }
    }
  }

  @Test
  void chihayasKeysMeanWhatTheySayInChihaya() {
    RedisStoreConfig config =
        RedisStoreConfig.from(
            Options.of(
                Map.of(
                    "redis_broker", "redis://pwd@127.0.0.1:6390/3",
                    "redis_connect_timeout", "15s",
                    "redis_read_timeout", "14s",
                    "peer_lifetime", "31m")));
    assertEquals(
        new RedisTopology.Standalone(
            new HostAndPort("127.0.0.1", 6390), 3, new Login(null, "pwd"), false),
        config.topology(),
        "chihaya: the user information is the password");
    assertEquals(Duration.ofSeconds(15), config.connectTimeout());
    assertEquals(Duration.ofSeconds(14), config.readTimeout());
    assertEquals(
        new Login("karuta", "pw"),
        RedisStoreConfig.from(Options.of(Map.of("redis_broker", "redis://karuta:pw@h:6379")))
            .topology()
            .login(),
        "with a colon, as url reads it");
    assertEquals(
        Login.NONE,
        RedisStoreConfig.from(Options.of(Map.of("redis_broker", "redis://h:6379/0")))
            .topology()
            .login());
  }

  @Test
  void chihayasKeysWithoutMeaningHereAreTypeCheckedAndNamedInOneWarningEach() {
    try (LogCapture log = LogCapture.of(RedisStoreConfig.class)) {
      RedisStoreConfig.from(
          Options.of(
              Map.of(
                  "gc_interval", "3m",
                  "prometheus_reporting_interval", "1s",
                  "redis_write_timeout", "15s")));
      assertEquals(
          java.util.List.of(
              "gc_interval has no effect in Karuta: the Redis store needs no sweep: each request"
                  + " trims the stale peers of its swarm, and Redis expires the keys of swarms"
                  + " nobody announces to.",
              "prometheus_reporting_interval has no effect in Karuta: the store's gauges are"
                  + " sampled every stats.sample_interval.",
              "redis_write_timeout has no effect in Karuta: Jedis bounds a command by the wait for"
                  + " its reply (read_timeout); a command is a few hundred bytes, written at"
                  + " once."),
          log.messages(java.util.logging.Level.WARNING));
    }
    for (String key : java.util.List.of("gc_interval", "redis_write_timeout")) {
      String message = error(Map.of(key, "1800"));
      assertTrue(message.startsWith(key + ": '1800' has no unit"), message);
    }
  }

  @Test
  void aKarutaKeyAndItsChihayaNameCannotBothBeSet() {
    assertEquals(
        "redis_broker: chihaya's name for url, which is set as well; keep one of them",
        error(Map.of("url", "redis://a:6379", "redis_broker", "redis://b:6379")));
    assertEquals(
        "redis_read_timeout: chihaya's name for read_timeout, which is set as well; keep one of"
            + " them",
        error(Map.of("read_timeout", "1s", "redis_read_timeout", "2s")));
    String sentinel =
        error(
            Map.of(
                "mode", "sentinel",
                "sentinel_master", "m",
                "sentinels", "127.0.0.1:26379",
                "redis_broker", "redis://b:6379"));
    assertTrue(sentinel.startsWith("redis_broker: not used in mode sentinel"), sentinel);
  }

  private static String error(Map<String, String> keys) {
    return assertThrows(ConfigException.class, () -> RedisStoreConfig.from(Options.of(keys)))
        .getMessage();
  }
}
