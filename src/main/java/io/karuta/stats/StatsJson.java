package io.karuta.stats;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.storage.StoreStats;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link StatsSnapshot} as the JSON of {@code GET /stats.json}: one object, keys always
 * present and in this order, numbers without exponents.
 *
 * <pre>{@code
 * {
 *   "version": "0.1.0",                       // the build's version
 *   "started": "2026-01-02T03:04:05.678Z",    // ISO-8601, UTC, milliseconds
 *   "uptime_seconds": 3600,                   // whole seconds
 *   "sample_interval_seconds": 5,             // stats.sample_interval, may have a fraction
 *   "sampled_at": "2026-01-02T04:04:05.000Z", // last store sample, null before the first
 *   "store": {
 *     "name": "memory",                       // storage.name
 *     "reachable": true,                      // whether the last sample could read the store
 *     "ipv4": {"swarms": 2, "seeders": 1, "leechers": 3, "downloads": 0},
 *     "ipv6": {"swarms": 0, "seeders": 0, "leechers": 0, "downloads": 0}
 *   },
 *   "top_torrents": [                         // largest swarms by peers, largest first, at most 10
 *     {"info_hash": "0123…ef", "address_family": "ipv4", "seeders": 1, "leechers": 2, "downloads": 0}
 *   ],
 *   "requests": {
 *     "totals": {"http_announce": 12, "http_scrape": 0, "udp_connect": 3, "udp_announce": 4,
 *                "udp_scrape": 0},            // answered so far, every outcome
 *     "rates": [                              // per second, oldest first, at most 60 samples
 *       {"at": "2026-01-02T04:04:00.000Z", "http_announce": 0.2, "http_scrape": 0,
 *        "udp_connect": 0, "udp_announce": 0.6, "udp_scrape": 0}
 *     ]
 *   }
 * }
 * }</pre>
 *
 * <p>The request keys are {@link StatsSampler#RATE_KEYS}. Info-hashes are 40 lower-case hex digits;
 * address families are {@code ipv4} or {@code ipv6}; the store counts are those of the last
 * successful sample. The output is compact (no whitespace).
 */
public final class StatsJson {
  /** The media type of the output. */
  public static final String CONTENT_TYPE = "application/json";

  private StatsJson() {}

  /** Returns the JSON of {@code snapshot}. */
  public static String write(StatsSnapshot snapshot) {
    StringBuilder out = new StringBuilder(1024 + 160 * snapshot.rates().size());
    out.append("{\"version\":");
    string(out, snapshot.version());
    out.append(",\"started\":");
    string(out, StatsFormat.instant(snapshot.started()));
    out.append(",\"uptime_seconds\":").append(snapshot.uptimeSeconds());
    out.append(",\"sample_interval_seconds\":")
        .append(StatsFormat.seconds(snapshot.sampleInterval()));
    out.append(",\"sampled_at\":");
    if (snapshot.sampledAt() == null) {
      out.append("null");
    } else {
      string(out, StatsFormat.instant(snapshot.sampledAt()));
    }
    out.append(",\"store\":{\"name\":");
    string(out, snapshot.storeName());
    out.append(",\"reachable\":").append(snapshot.storeReachable());
    out.append(",\"ipv4\":");
    totals(out, snapshot.store().ipv4());
    out.append(",\"ipv6\":");
    totals(out, snapshot.store().ipv6());
    out.append("},\"top_torrents\":[");
    List<StoreStats.TopSwarm> top = snapshot.store().top();
    for (int i = 0; i < top.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      swarm(out, top.get(i));
    }
    out.append("],\"requests\":{\"totals\":{");
    List<String> keys = StatsSampler.RATE_KEYS;
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, keys.get(i));
      out.append(':').append(snapshot.requestTotal(i));
    }
    out.append("},\"rates\":[");
    List<RateSample> rates = snapshot.rates();
    for (int r = 0; r < rates.size(); r++) {
      if (r > 0) {
        out.append(',');
      }
      RateSample sample = rates.get(r);
      out.append("{\"at\":");
      string(out, StatsFormat.instant(sample.at()));
      for (int i = 0; i < keys.size(); i++) {
        out.append(',');
        string(out, keys.get(i));
        out.append(':').append(StatsFormat.decimal(sample.rate(i)));
      }
      out.append('}');
    }
    return out.append("]}}").toString();
  }

  /** Returns {@code family} as the JSON and the page write it: {@code ipv4} or {@code ipv6}. */
  static String family(AddressFamily family) {
    return family.name().toLowerCase(Locale.ROOT);
  }

  private static void totals(StringBuilder out, StoreStats.Totals totals) {
    out.append("{\"swarms\":")
        .append(totals.swarms())
        .append(",\"seeders\":")
        .append(totals.seeders())
        .append(",\"leechers\":")
        .append(totals.leechers())
        .append(",\"downloads\":")
        .append(totals.downloads())
        .append('}');
  }

  private static void swarm(StringBuilder out, StoreStats.TopSwarm swarm) {
    out.append("{\"info_hash\":");
    string(out, swarm.infoHash().toString());
    out.append(",\"address_family\":");
    string(out, family(swarm.family()));
    out.append(",\"seeders\":")
        .append(swarm.seeders())
        .append(",\"leechers\":")
        .append(swarm.leechers())
        .append(",\"downloads\":")
        .append(swarm.downloads())
        .append('}');
  }

  /**
   * Appends {@code value} as a JSON string. Besides what JSON requires (quote, backslash, control
   * characters), {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are escaped, so the text stays
   * inert if someone pastes it into HTML or a script.
   */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
