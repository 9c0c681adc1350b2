package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigDump;
import io.karuta.config.ConfigException;
import io.karuta.config.ConfigLookup;
import io.karuta.config.Options;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;

/** The keys of {@code mode: sentinel} and {@code mode: cluster}, and which mode may use which. */
class RedisModeConfigTest {
  private static final Map<String, String> SENTINEL =
      Map.of(
          "mode", "sentinel",
          "sentinel_master", "karuta",
          "sentinels", "10.0.0.1:26379,[fd00::2]:26380");
  private static final Map<String, String> CLUSTER =
      Map.of("mode", "cluster", "cluster_nodes", "10.0.0.1:7000,redis-2.example:7001");

  @Test
  void sentinelDefaults() {
    assertEquals(
        new RedisTopology.Sentinel(
            "karuta",
            List.of(new HostAndPort("10.0.0.1", 26379), new HostAndPort("fd00::2", 26380)),
            0,
            Login.NONE,
            Login.NONE,
            false),
        read(SENTINEL));
  }

  @Test
  void everySentinelKeyIsRead() {
    Map<String, String> keys = with(SENTINEL, "database", "3", "user", "karuta", "tls", "true");
    keys.putAll(Map.of("password", "pw1", "sentinel_user", "watch", "sentinel_password", "pw2"));
    assertEquals(
        new RedisTopology.Sentinel(
            "karuta",
            List.of(new HostAndPort("10.0.0.1", 26379), new HostAndPort("fd00::2", 26380)),
            3,
            new Login("karuta", "pw1"),
            new Login("watch", "pw2"),
            true),
        read(keys));
  }

  @Test
  void clusterDefaults() {
    assertEquals(
        new RedisTopology.Cluster(
            List.of(new HostAndPort("10.0.0.1", 7000), new HostAndPort("redis-2.example", 7001)),
            Login.NONE,
            false,
            3),
        read(CLUSTER));
  }

  @Test
  void everyClusterKeyIsRead() {
    Map<String, String> keys = with(CLUSTER, "password", "pw", "tls", "true", "max_attempts", "5");
    assertEquals(
        new RedisTopology.Cluster(
            List.of(new HostAndPort("10.0.0.1", 7000), new HostAndPort("redis-2.example", 7001)),
            new Login(null, "pw"),
            true,
            5),
        read(keys));
  }

  @ParameterizedTest
  @CsvSource({
    "sentinel_master, sentinel_master: required in mode sentinel",
    "sentinels, sentinels: required in mode sentinel"
  })
  void sentinelNeedsAMasterAndSentinels(String key, String message) {
    Map<String, String> keys = new HashMap<>(SENTINEL);
    keys.remove(key);
    assertEquals(message, error(keys));
  }

  @Test
  void clusterNeedsNodes() {
    assertEquals("cluster_nodes: required in mode cluster", error(Map.of("mode", "cluster")));
    assertEquals(
        "cluster_nodes: needs at least one host:port",
        error(Map.of("mode", "cluster", "cluster_nodes", "")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "10.0.0.1:0", "10.0.0.1:65536", ":6379", "::1:6379", "a b:1"})
  void nodesAreHostColonPort(String node) {
    String message = error(with(CLUSTER, "cluster_nodes", "10.0.0.2:7000," + node));
    assertTrue(message.startsWith("cluster_nodes: '" + node + "' is not host:port"), message);
  }

  @Test
  void aMasterNameHasNoBlanks() {
    assertTrue(error(with(SENTINEL, "sentinel_master", "my master")).startsWith("sentinel_master"));
  }

  @ParameterizedTest
  @CsvSource({
    "sentinel, url, redis://u:pw@h:1, 'url: not used in mode sentinel (only in mode standalone);"
        + " list the nodes in sentinels'",
    "cluster, url, redis://u:pw@h:1, 'url: not used in mode cluster (only in mode standalone);"
        + " list the nodes in cluster_nodes'",
    "cluster, database, 1, 'database: not used in mode cluster (only in mode sentinel)'",
    "cluster, sentinel_password, pw, 'sentinel_password: not used in mode cluster (only in mode"
        + " sentinel)'",
    "sentinel, max_attempts, 2, 'max_attempts: not used in mode sentinel (only in mode cluster)'",
    "sentinel, cluster_nodes, h:1, 'cluster_nodes: not used in mode sentinel (only in mode"
        + " cluster)'",
    "standalone, password, pw, 'password: not used in mode standalone (only in mode sentinel or"
        + " cluster); in mode standalone, url holds the user, password, database and TLS:"
        + " rediss://user:password@host:port/db'",
    "standalone, tls, true, 'tls: not used in mode standalone (only in mode sentinel or"
        + " cluster); in mode standalone, url holds the user, password, database and TLS:"
        + " rediss://user:password@host:port/db'",
    "standalone, sentinels, h:1, 'sentinels: not used in mode standalone (only in mode"
        + " sentinel); in mode standalone, url holds the user, password, database and TLS:"
        + " rediss://user:password@host:port/db'"
  })
  void aKeyOfAnotherModeIsAnError(String mode, String key, String value, String message) {
    Map<String, String> base =
        switch (mode) {
          case "sentinel" -> SENTINEL;
          case "cluster" -> CLUSTER;
          default -> Map.of();
        };
    assertEquals(message, error(with(base, key, value)));
  }

  @Test
  void aUserNeedsAPassword() {
    assertEquals("user: needs password as well", error(with(CLUSTER, "user", "karuta")));
    assertEquals(
        "sentinel_user: needs sentinel_password as well",
        error(with(SENTINEL, "sentinel_user", "watch")));
  }

  @ParameterizedTest
  @CsvSource({"max_attempts, 0", "max_attempts, 11", "tls, yes"})
  void clusterValuesAreChecked(String key, String value) {
    assertTrue(error(with(CLUSTER, key, value)).startsWith(key + ": '" + value + "'"));
  }

  @Test
  void theDatabaseIsChecked() {
    assertTrue(error(with(SENTINEL, "database", "-1")).startsWith("database: '-1'"));
  }

  @Test
  void noMessageAndNoToStringShowsAPassword() {
    Map<String, String> keys =
        with(SENTINEL, "password", "hunter2", "sentinel_password", "hunter3");
    assertFalse(read(keys).toString().contains("hunter"), read(keys).toString());
    String message = error(with(keys, "sentinel_user", "watch", "database", "x"));
    assertFalse(message.contains("hunter"), message);
    message = error(with(CLUSTER, "password", "hunter2", "max_attempts", "x"));
    assertFalse(message.contains("hunter"), message);
    message = error(with(CLUSTER, "password", "hunter2", "cluster_nodes", "redis://u:hunter2@h"));
    assertFalse(message.contains("hunter"), message);
  }

  @Test
  void theStartUpLogRedactsBothPasswords() {
    String log =
        ConfigDump.render(
            ConfigLookup.of(
                Map.of(
                    "karuta.storage.config.password", "hunter2",
                    "karuta.storage.config.sentinel_password", "hunter3")));
    assertTrue(log.contains("karuta.storage.config.password = REDACTED"), log);
    assertTrue(log.contains("karuta.storage.config.sentinel_password = REDACTED"), log);
    assertFalse(log.contains("hunter"), log);
  }

  private static RedisTopology read(Map<String, String> keys) {
    return RedisStoreConfig.from(Options.of(keys)).topology();
  }

  private static String error(Map<String, String> keys) {
    return assertThrows(ConfigException.class, () -> RedisStoreConfig.from(Options.of(keys)))
        .getMessage();
  }

  private static Map<String, String> with(Map<String, String> base, String... keyValues) {
    Map<String, String> keys = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      keys.put(keyValues[i], keyValues[i + 1]);
    }
    return keys;
  }
}
