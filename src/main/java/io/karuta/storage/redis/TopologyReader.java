package io.karuta.storage.redis;

import io.karuta.config.ConfigDump;
import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import redis.clients.jedis.HostAndPort;

/**
 * Reads the keys of one {@code mode} into a {@link RedisTopology}. A key of another mode is an
 * error that names the key and the mode, so a half-edited file (a {@code url} left behind after
 * switching to Sentinel) cannot start with settings that are silently ignored.
 */
final class TopologyReader {
  static final String STANDALONE = "standalone";
  static final String SENTINEL = "sentinel";
  static final String CLUSTER = "cluster";

  /** The keys each mode reads, besides the keys every mode reads. */
  static final Map<String, Set<String>> MODE_KEYS =
      Map.of(
          STANDALONE,
          Set.of("url", RedisStoreConfig.CHIHAYA_URL),
          SENTINEL,
          Set.of(
              "sentinel_master",
              "sentinels",
              "database",
              "user",
              "password",
              "sentinel_user",
              "sentinel_password",
              "tls"),
          CLUSTER,
          Set.of("cluster_nodes", "user", "password", "tls", "max_attempts"));

  /** The default of {@code url}: a local Redis on its default port, database 0. */
  static final String DEFAULT_URL = "redis://127.0.0.1:6379";

  /** The default of {@code max_attempts}: the first try and two more. */
  static final int DEFAULT_MAX_ATTEMPTS = 3;

  private TopologyReader() {}

  /**
   * Returns the topology that the keys of {@code mode} describe.
   *
   * @throws ConfigException naming the key that is missing, malformed or not used in this mode
   */
  static RedisTopology read(Options options, String mode) {
    rejectOtherModes(options, mode);
    return switch (mode) {
      case SENTINEL ->
          new RedisTopology.Sentinel(
              masterName(options),
              nodes(options, "sentinels", mode),
              options.integer("database", 0, 0, RedisUrl.MAX_DATABASE),
              login(options, "user", "password"),
              login(options, "sentinel_user", "sentinel_password"),
              options.bool("tls", false));
      case CLUSTER ->
          new RedisTopology.Cluster(
              nodes(options, "cluster_nodes", mode),
              login(options, "user", "password"),
              options.bool("tls", false),
              options.integer("max_attempts", DEFAULT_MAX_ATTEMPTS, 1, 10));
      default -> standalone(options);
    };
  }

  /** Reads {@code url}, or chihaya's {@code redis_broker} in its place. */
  private static RedisTopology.Standalone standalone(Options options) {
    String key = RedisStoreConfig.oneOf(options, "url", RedisStoreConfig.CHIHAYA_URL);
    String text = options.string(key, DEFAULT_URL);
    return key.equals("url")
        ? RedisUrl.parse(options.prefix() + key, text)
        : RedisUrl.parseChihaya(options.prefix() + key, text);
  }

  private static void rejectOtherModes(Options options, String mode) {
    Set<String> own = MODE_KEYS.get(mode);
    Set<String> others = new TreeSet<>();
    MODE_KEYS.values().forEach(others::addAll);
    for (String key : others) {
      if (!own.contains(key) && options.isSet(key)) {
        throw new ConfigException(
            options.prefix()
                + key
                + ": not used in mode "
                + mode
                + " (only in mode "
                + String.join(" or ", modesOf(key))
                + ")"
                + hint(key, mode));
      }
    }
  }

  private static List<String> modesOf(String key) {
    List<String> modes = new ArrayList<>();
    for (String mode : List.of(STANDALONE, SENTINEL, CLUSTER)) {
      if (MODE_KEYS.get(mode).contains(key)) {
        modes.add(mode);
      }
    }
    return modes;
  }

  private static String hint(String key, String mode) {
    if (mode.equals(STANDALONE)) {
      return "; in mode standalone, url holds the user, password, database and TLS:"
          + " rediss://user:password@host:port/db";
    }
    if (key.equals("url")) {
      return "; list the nodes in " + (mode.equals(SENTINEL) ? "sentinels" : "cluster_nodes");
    }
    return "";
  }

  private static String masterName(Options options) {
    String name =
        options
            .optionalString("sentinel_master")
            .orElseThrow(() -> missing(options, "sentinel_master", SENTINEL));
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException(
          options.prefix() + "sentinel_master: '" + name + "' must be a name without blanks");
    }
    return name;
  }

  private static List<HostAndPort> nodes(Options options, String key, String mode) {
    List<String> items = options.stringList(key, null);
    if (items == null) {
      throw missing(options, key, mode);
    }
    if (items.isEmpty()) {
      throw new ConfigException(options.prefix() + key + ": needs at least one host:port");
    }
    List<HostAndPort> nodes = new ArrayList<>();
    for (String item : items) {
      nodes.add(hostPort(options.prefix() + key, item));
    }
    return nodes;
  }

  /**
   * Reads {@code host:port}, or {@code [address]:port} for an IPv6 address.
   *
   * @throws ConfigException naming {@code key} and the item
   */
  private static HostAndPort hostPort(String key, String item) {
    String text = item.trim();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    String port = text.substring(colon + 1);
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    boolean badHost =
        host.isEmpty() || (!bracketed && host.contains(":")) || !host.matches("[^\\s/@\\[\\]]+");
    if (badHost
        || !port.matches("\\d{1,5}")
        || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65535) {
      throw new ConfigException(
          key
              + ": '"
              + ConfigDump.redact(key, text)
              + "' is not host:port with a port 1-65535 (an IPv6 address goes in brackets:"
              + " [::1]:6379)");
    }
    return new HostAndPort(host, Integer.parseInt(port));
  }

  private static Login login(Options options, String userKey, String passwordKey) {
    String user = options.optionalString(userKey).orElse(null);
    String password = options.optionalString(passwordKey).orElse(null);
    if (user != null && password == null) {
      throw new ConfigException(
          options.prefix() + userKey + ": needs " + options.prefix() + passwordKey + " as well");
    }
    return new Login(user, password);
  }

  private static ConfigException missing(Options options, String key, String mode) {
    return new ConfigException(options.prefix() + key + ": required in mode " + mode);
  }
}
