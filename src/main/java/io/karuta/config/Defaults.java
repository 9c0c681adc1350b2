package io.karuta.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in defaults of the tracker's own settings, in one place: {@link ConfigReader} uses the
 * typed constants, and {@link DefaultsConfigSource} publishes the same values as properties so that
 * every setting resolves through MicroProfile Config. Driver and hook options have their defaults
 * in the store or hook that reads them.
 */
final class Defaults {
  static final Duration ANNOUNCE_INTERVAL = Duration.ofMinutes(30);
  static final Duration MIN_ANNOUNCE_INTERVAL = Duration.ofMinutes(15);
  static final List<String> ANNOUNCE_ROUTES = List.of("/announce");
  static final List<String> SCRAPE_ROUTES = List.of("/scrape");
  static final boolean ALLOW_IP_SPOOFING = false;
  static final String REAL_IP_HEADER = "";
  static final List<String> TRUSTED_PROXIES = List.of();
  static final int MAX_QUERY_LENGTH = 4096;
  static final int MAX_NUMWANT = 100;
  static final int DEFAULT_NUMWANT = 50;
  static final int MAX_SCRAPE_INFOHASHES = 50;
  static final String UDP_ADDR = "[::]:6969";
  static final String UDP_PRIVATE_KEY = "";
  static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(10);
  static final Duration CONNECTION_ID_LIFETIME = Duration.ofMinutes(5);
  // 0: one worker per core, decided where the listener starts.
  static final int UDP_WORKERS = 0;
  static final int UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;
  static final String STORAGE_NAME = "memory";
  static final boolean METRICS_ENABLED = true;
  static final boolean STATS_ENABLED = true;
  // Loopback only: behind a reverse proxy on a private network, every client would otherwise
  // arrive from an allowed address. Operators open what they need.
  static final List<String> STATS_ALLOWED_NETWORKS = List.of("127.0.0.0/8", "::1/128");
  static final Duration STATS_SAMPLE_INTERVAL = Duration.ofSeconds(5);

  private static final Map<String, String> PROPERTIES = build();

  private Defaults() {}

  /** Returns the defaults as properties with full keys, in a fixed order; unmodifiable. */
  static Map<String, String> properties() {
    return PROPERTIES;
  }

  private static Map<String, String> build() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("karuta.announce_interval", GoDuration.format(ANNOUNCE_INTERVAL));
    map.put("karuta.min_announce_interval", GoDuration.format(MIN_ANNOUNCE_INTERVAL));
    map.put("karuta.http.announce_routes", Options.joinList(ANNOUNCE_ROUTES));
    map.put("karuta.http.scrape_routes", Options.joinList(SCRAPE_ROUTES));
    map.put("karuta.http.allow_ip_spoofing", String.valueOf(ALLOW_IP_SPOOFING));
    map.put("karuta.http.real_ip_header", REAL_IP_HEADER);
    map.put("karuta.http.trusted_proxies", Options.joinList(TRUSTED_PROXIES));
    map.put("karuta.http.max_query_length", String.valueOf(MAX_QUERY_LENGTH));
    putLimits(map, "karuta.http.");
    map.put("karuta.udp.addr", UDP_ADDR);
    map.put("karuta.udp.private_key", UDP_PRIVATE_KEY);
    map.put("karuta.udp.max_clock_skew", GoDuration.format(MAX_CLOCK_SKEW));
    map.put("karuta.udp.connection_id_lifetime", GoDuration.format(CONNECTION_ID_LIFETIME));
    map.put("karuta.udp.workers", String.valueOf(UDP_WORKERS));
    map.put("karuta.udp.receive_buffer", String.valueOf(UDP_RECEIVE_BUFFER));
    map.put("karuta.udp.allow_ip_spoofing", String.valueOf(ALLOW_IP_SPOOFING));
    putLimits(map, "karuta.udp.");
    map.put("karuta.storage.name", STORAGE_NAME);
    map.put("karuta.metrics.enabled", String.valueOf(METRICS_ENABLED));
    map.put("karuta.stats.enabled", String.valueOf(STATS_ENABLED));
    map.put("karuta.stats.allowed_networks", Options.joinList(STATS_ALLOWED_NETWORKS));
    map.put("karuta.stats.sample_interval", GoDuration.format(STATS_SAMPLE_INTERVAL));
    return Collections.unmodifiableMap(map);
  }

  private static void putLimits(Map<String, String> map, String section) {
    map.put(section + "max_numwant", String.valueOf(MAX_NUMWANT));
    map.put(section + "default_numwant", String.valueOf(DEFAULT_NUMWANT));
    map.put(section + "max_scrape_infohashes", String.valueOf(MAX_SCRAPE_INFOHASHES));
  }
}
