package io.karuta.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Which keys under {@code karuta.} exist: the settings Karuta uses, the chihaya settings it accepts
 * but ignores (with the reason logged), and the prefixes whose keys are checked by their owners
 * (store options, hook entries).
 */
final class KnownKeys {
  static final String ROOT = "karuta.";
  static final String CONFIG = "karuta.config";
  static final String STORAGE_OPTIONS = "karuta.storage.config.";
  static final List<String> HOOK_LISTS = List.of("karuta.prehooks", "karuta.posthooks");

  /** The settings Karuta reads, relative to {@code karuta.}. */
  static final Set<String> USED =
      Set.of(
          "config",
          "announce_interval",
          "min_announce_interval",
          "http.announce_routes",
          "http.scrape_routes",
          "http.allow_ip_spoofing",
          "http.real_ip_header",
          "http.trusted_proxies",
          "http.max_query_length",
          "http.max_numwant",
          "http.default_numwant",
          "http.max_scrape_infohashes",
          "udp.addr",
          "udp.private_key",
          "udp.max_clock_skew",
          "udp.connection_id_lifetime",
          "udp.workers",
          "udp.receive_buffer",
          "udp.allow_ip_spoofing",
          "udp.max_numwant",
          "udp.default_numwant",
          "udp.max_scrape_infohashes",
          "storage.name",
          "metrics.enabled",
          "stats.enabled",
          "stats.allowed_networks",
          "stats.sample_interval");

  private static final String LISTENER =
      "the application server owns the HTTP listeners; set it on the Payara HTTP listener or the"
          + " WildFly Undertow listener";

  /** Chihaya settings that have no effect in Karuta: relative key to the type and the reason. */
  static final Map<String, Ignored> IGNORED =
      Map.ofEntries(
          text(
              "metrics_addr",
              "metrics are served by the application server (Payara: /metrics on its HTTP"
                  + " listener) and by Karuta on any server (/stats/metrics)"),
          text("http.addr", LISTENER),
          text("http.https_addr", LISTENER + " (TLS included)"),
          text("http.tls_cert_path", "TLS belongs to the application server's HTTPS listener"),
          text("http.tls_key_path", "TLS belongs to the application server's HTTPS listener"),
          duration("http.read_timeout", LISTENER),
          duration("http.write_timeout", LISTENER),
          duration("http.idle_timeout", LISTENER),
          bool("http.enable_keepalive", LISTENER),
          bool("http.enable_request_timing", "Karuta does not switch request timing off"),
          bool("udp.enable_request_timing", "Karuta does not switch request timing off"),
          // Keys that chihaya itself ignores but that old configs and its Helm chart still carry.
          stale("max_numwant", "use http.max_numwant and udp.max_numwant"),
          stale("default_numwant", "use http.default_numwant and udp.default_numwant"),
          stale(
              "max_scrape_infohashes",
              "use http.max_scrape_infohashes and udp.max_scrape_infohashes"),
          stale("prometheus_addr", "metrics are served by the application server"),
          stale("http.request_timeout", LISTENER),
          stale("http.enable_legacy_php_urls", "add /announce.php to http.announce_routes"),
          // Karuta's own key before the UDP workers got a socket each.
          stale("udp.queue_capacity", "replaced by udp.receive_buffer"));

  private static final Duration MAX_IGNORED_DURATION = Duration.ofHours(24);

  private KnownKeys() {}

  /** The type of an ignored key, checked so that a chihaya file with a broken value still fails. */
  enum Kind {
    TEXT,
    DURATION,
    BOOL,
    STALE
  }

  /** An ignored chihaya key: how to check its value and why it has no effect. */
  record Ignored(Kind kind, String reason) {}

  /**
   * Type-checks every ignored key that is set and logs one warning for each.
   *
   * @param root the options under {@code karuta.}
   */
  static void warnIgnored(Options root, Logger log) {
    for (String key : new TreeSet<>(IGNORED.keySet())) {
      if (!root.isSet(key)) {
        continue;
      }
      Ignored ignored = IGNORED.get(key);
      if (ignored.kind() == Kind.DURATION) {
        root.duration(key, Duration.ZERO, Duration.ZERO, MAX_IGNORED_DURATION);
      } else if (ignored.kind() == Kind.BOOL) {
        root.bool(key, false);
      }
      String what = ignored.kind() == Kind.STALE ? "chihaya ignores it too; " : "";
      log.warning(
          ROOT + key + " is set but has no effect in Karuta: " + what + ignored.reason() + ".");
    }
  }

  /**
   * Rejects every listed {@code karuta.*} property that is neither a setting, an ignored chihaya
   * key, a store option nor a well-formed hook entry key.
   *
   * @throws ConfigException naming the first unknown key in sorted order
   */
  static void rejectUnknown(ConfigLookup lookup) {
    for (String name : new TreeSet<>(names(lookup))) {
      if (!name.startsWith(ROOT) || name.startsWith(STORAGE_OPTIONS)) {
        continue;
      }
      String list =
          HOOK_LISTS.stream().filter(l -> name.startsWith(l + "[")).findFirst().orElse(null);
      if (list != null) {
        HookReader.checkKey(name, list);
        continue;
      }
      String key = name.substring(ROOT.length());
      if (!USED.contains(key) && !IGNORED.containsKey(key)) {
        throw unknown(key);
      }
    }
  }

  private static List<String> names(ConfigLookup lookup) {
    List<String> names = new ArrayList<>();
    lookup.names().forEach(names::add);
    return names;
  }

  private static ConfigException unknown(String key) {
    if (HOOK_LISTS.contains(ROOT + key)) {
      return new ConfigException(
          ROOT + key + ": must be a list of hook entries, each with a name and options");
    }
    if (STORAGE_OPTIONS.equals(ROOT + key + ".")) {
      return new ConfigException(ROOT + key + ": must be a map of store options");
    }
    int dot = key.lastIndexOf('.');
    String section = key.substring(0, dot + 1);
    List<String> listed = under(section, USED);
    if (section.isEmpty() || listed.isEmpty()) {
      section = "";
      listed = under("", USED);
      listed.removeIf(k -> k.contains(".") || k.equals("config"));
      listed.addAll(
          List.of("http.*", "udp.*", "storage.name", "storage.config.*", "metrics.*", "stats.*"));
      listed.addAll(List.of("prehooks", "posthooks"));
    }
    List<String> candidates = under(section, USED);
    candidates.addAll(under(section, IGNORED.keySet()));
    return Options.unknownKey(ROOT + key, ROOT + section, listed, candidates);
  }

  private static List<String> under(String section, Set<String> keys) {
    List<String> found = new ArrayList<>();
    for (String key : keys) {
      if (key.startsWith(section)) {
        found.add(key.substring(section.length()));
      }
    }
    return found;
  }

  private static Map.Entry<String, Ignored> text(String key, String reason) {
    return Map.entry(key, new Ignored(Kind.TEXT, reason));
  }

  private static Map.Entry<String, Ignored> duration(String key, String reason) {
    return Map.entry(key, new Ignored(Kind.DURATION, reason));
  }

  private static Map.Entry<String, Ignored> bool(String key, String reason) {
    return Map.entry(key, new Ignored(Kind.BOOL, reason));
  }

  private static Map.Entry<String, Ignored> stale(String key, String reason) {
    return Map.entry(key, new Ignored(Kind.STALE, reason));
  }
}
