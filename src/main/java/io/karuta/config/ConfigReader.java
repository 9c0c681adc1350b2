package io.karuta.config;

import io.karuta.bittorrent.IpNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Builds and validates {@link TrackerConfig} from the {@code karuta.*} properties.
 *
 * <p>Validation stops at the first problem with a {@link ConfigException}: an unknown key under
 * {@code karuta.} (store options and hook options are left to the store and the hooks), a value of
 * the wrong type, a value out of range, or a hook entry without a name. Chihaya settings that have
 * no effect in Karuta are type-checked and produce one warning each on this class's logger.
 * Environment variables are looked up under their mapped names but never taken for unknown keys.
 */
public final class ConfigReader {
  private static final Logger LOG = Logger.getLogger(ConfigReader.class.getName());
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_INTERVAL = Duration.ofHours(24);
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  private static final int MAX_NUMWANT = 1000;
  private static final int MAX_SCRAPE_INFOHASHES = 1000;
  private static final String ROUTES = "allowed: one or more paths starting with /, such as ";

  private ConfigReader() {}

  /**
   * Reads MicroProfile Config, first turning a failed load of the YAML file into an exception.
   *
   * @throws ConfigException naming {@code karuta.config} and the file when it could not be loaded,
   *     or any error of {@link #read(ConfigLookup)}
   */
  public static TrackerConfig read(Config config) {
    for (ConfigSource source : config.getConfigSources()) {
      if (source instanceof YamlConfigSource yaml && yaml.loadError().isPresent()) {
        throw new ConfigException(KnownKeys.CONFIG + ": " + yaml.loadError().get());
      }
    }
    return read(ConfigLookup.of(config));
  }

  /**
   * Reads and validates the settings.
   *
   * @throws ConfigException at the first unknown key or invalid value
   */
  public static TrackerConfig read(ConfigLookup lookup) {
    KnownKeys.rejectUnknown(lookup);
    Options root = Options.of(lookup, KnownKeys.ROOT);
    KnownKeys.warnIgnored(root, LOG);
    Duration interval =
        root.duration("announce_interval", Defaults.ANNOUNCE_INTERVAL, MIN_INTERVAL, MAX_INTERVAL);
    Duration minInterval =
        root.duration(
            "min_announce_interval", Defaults.MIN_ANNOUNCE_INTERVAL, MIN_INTERVAL, MAX_INTERVAL);
    if (minInterval.compareTo(interval) > 0) {
      throw new ConfigException(
          "karuta.min_announce_interval: "
              + GoDuration.format(minInterval)
              + " is more than karuta.announce_interval ("
              + GoDuration.format(interval)
              + "); lower the one or raise the other (allowed: "
              + GoDuration.format(MIN_INTERVAL)
              + " to the announce interval)");
    }
    StorageConfig storage =
        new StorageConfig(storeName(root), Options.of(lookup, KnownKeys.STORAGE_OPTIONS));
    return new TrackerConfig(
        interval,
        minInterval,
        http(root.section("http.")),
        udp(root.section("udp.")),
        storage,
        stats(root),
        HookReader.read(lookup, KnownKeys.HOOK_LISTS.get(0)),
        HookReader.read(lookup, KnownKeys.HOOK_LISTS.get(1)));
  }

  /**
   * Returns {@code storage.name}; which stores exist is known only once the application runs (a
   * store is a CDI bean of that name), so the store producer checks the name itself.
   */
  private static String storeName(Options root) {
    String name = root.string("storage.name", Defaults.STORAGE_NAME).trim();
    if (name.isEmpty()) {
      throw new ConfigException(
          "karuta.storage.name: empty (allowed: the name of a store, such as memory or redis)");
    }
    return name;
  }

  private static HttpConfig http(Options http) {
    Limits limits = limits(http);
    return new HttpConfig(
        routes(http, "announce_routes", Defaults.ANNOUNCE_ROUTES),
        routes(http, "scrape_routes", Defaults.SCRAPE_ROUTES),
        http.bool("allow_ip_spoofing", Defaults.ALLOW_IP_SPOOFING),
        header(http, "real_ip_header"),
        networks(http, "trusted_proxies", Defaults.TRUSTED_PROXIES),
        http.integer("max_query_length", Defaults.MAX_QUERY_LENGTH, 256, 65_536),
        limits.maxNumWant(),
        limits.defaultNumWant(),
        limits.maxScrapeInfoHashes());
  }

  private static StatsConfig stats(Options root) {
    return new StatsConfig(
        root.bool("metrics.enabled", Defaults.METRICS_ENABLED),
        root.bool("stats.enabled", Defaults.STATS_ENABLED),
        networks(root, "stats.allowed_networks", Defaults.STATS_ALLOWED_NETWORKS),
        root.duration(
            "stats.sample_interval",
            Defaults.STATS_SAMPLE_INTERVAL,
            Duration.ofSeconds(1),
            Duration.ofMinutes(1)));
  }

  private static UdpConfig udp(Options udp) {
    Limits limits = limits(udp);
    return new UdpConfig(
        address(udp, "addr"),
        udp.string("private_key", Defaults.UDP_PRIVATE_KEY),
        udp.duration("max_clock_skew", Defaults.MAX_CLOCK_SKEW, Duration.ZERO, MAX_CLOCK_SKEW),
        udp.duration(
            "connection_id_lifetime",
            Defaults.CONNECTION_ID_LIFETIME,
            Duration.ofMinutes(2),
            Duration.ofHours(1)),
        udp.integer("workers", Defaults.UDP_WORKERS, 0, 64),
        udp.integer("receive_buffer", Defaults.UDP_RECEIVE_BUFFER, 16 * 1024, 256 * 1024 * 1024),
        udp.bool("allow_ip_spoofing", Defaults.ALLOW_IP_SPOOFING),
        limits.maxNumWant(),
        limits.defaultNumWant(),
        limits.maxScrapeInfoHashes());
  }

  /** The numwant and scrape limits, which HTTP and UDP spell and check alike. */
  private record Limits(int maxNumWant, int defaultNumWant, int maxScrapeInfoHashes) {}

  private static Limits limits(Options section) {
    int max = section.integer("max_numwant", Defaults.MAX_NUMWANT, 1, MAX_NUMWANT);
    int fallback = section.integer("default_numwant", Defaults.DEFAULT_NUMWANT, 0, MAX_NUMWANT);
    if (fallback > max) {
      String prefix = section.prefix();
      throw new ConfigException(
          prefix
              + "default_numwant: "
              + fallback
              + " is more than "
              + prefix
              + "max_numwant ("
              + max
              + "); lower the one or raise the other (allowed: 0 to "
              + max
              + ")");
    }
    int scrape =
        section.integer(
            "max_scrape_infohashes", Defaults.MAX_SCRAPE_INFOHASHES, 1, MAX_SCRAPE_INFOHASHES);
    return new Limits(max, fallback, scrape);
  }

  private static List<String> routes(Options section, String key, List<String> defaultValue) {
    List<String> routes = section.stringList(key, defaultValue);
    if (routes.isEmpty()) {
      throw new ConfigException(section.prefix() + key + ": no route given (" + ROUTES + "/x)");
    }
    for (String route : routes) {
      if (!route.startsWith("/") || route.chars().anyMatch(Character::isWhitespace)) {
        throw new ConfigException(
            section.prefix() + key + ": '" + route + "' is not a path (" + ROUTES + "/x)");
      }
    }
    return routes;
  }

  private static List<IpNetwork> networks(Options section, String key, List<String> defaultValue) {
    List<IpNetwork> networks = new ArrayList<>();
    for (String text : section.stringList(key, defaultValue)) {
      try {
        networks.add(IpNetwork.parse(text.trim()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            section.prefix()
                + key
                + ": '"
                + text
                + "' is not an address or CIDR block (allowed: a list such as 10.0.0.0/8,"
                + " 192.168.1.7, 2001:db8::/32)");
      }
    }
    return networks;
  }

  private static String header(Options section, String key) {
    String header = section.string(key, Defaults.REAL_IP_HEADER);
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new ConfigException(
            section.prefix()
                + key
                + ": '"
                + header
                + "' is not a header name (allowed: \"\" to use the connection's address, or"
                + " a header name such as X-Real-IP)");
      }
    }
    return header;
  }

  private static Optional<ListenAddress> address(Options section, String key) {
    return ListenAddress.parse(section.prefix() + key, section.string(key, Defaults.UDP_ADDR));
  }
}
