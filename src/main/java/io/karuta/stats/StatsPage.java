package io.karuta.stats;

import io.karuta.storage.StoreStats;
import java.util.List;

/**
 * Writes the HTML of {@code GET /stats}: every number rendered here, so the page reads without
 * scripts, and a canvas that {@code stats.js} fills with the request rates from {@code
 * /stats.json}. Every URL in the page is relative, so it works behind a reverse proxy that serves
 * Karuta under a path prefix, and none leaves Karuta.
 */
public final class StatsPage {
  /** The media type of the page. */
  public static final String CONTENT_TYPE = "text/html; charset=utf-8";

  /**
   * The page's Content-Security-Policy: only Karuta's own script, styles and {@code /stats.json};
   * no inline script or style.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  private StatsPage() {}

  /**
   * Returns the page for {@code snapshot}; {@code up} is prepended to relative URLs ({@code ""} for
   * {@code /stats}, {@code "../"} when the page was asked for as {@code /stats/}).
   */
  public static String write(StatsSnapshot snapshot, String up) {
    StringBuilder out = new StringBuilder(8192);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Karuta stats</title>\n")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(up)
        .append("stats/stats.css\">\n<script src=\"")
        .append(up)
        .append("stats/stats.js\" defer></script>\n</head>\n<body>\n")
        .append("<h1>Karuta tracker</h1>\n<p id=\"about\">Version <span id=\"version\">");
    text(out, snapshot.version());
    out.append("</span>, up <span id=\"uptime\">")
        .append(StatsFormat.uptime(snapshot.uptimeSeconds()))
        .append("</span> (since ")
        .append(StatsFormat.instant(snapshot.started()))
        .append("). Store <span id=\"store\">");
    text(out, snapshot.storeName());
    out.append("</span>, ")
        .append(snapshot.storeReachable() ? "reachable" : "<strong>unreachable</strong>")
        .append(", sampled at <span id=\"sampled-at\">")
        .append(snapshot.sampledAt() == null ? "never" : StatsFormat.instant(snapshot.sampledAt()))
        .append("</span>.</p>\n");

    out.append("<h2>Swarms</h2>\n<table id=\"swarms\">\n<thead><tr><th>Family</th>")
        .append("<th>Swarms</th><th>Seeders</th><th>Leechers</th><th>Downloads</th></tr></thead>\n")
        .append("<tbody>\n");
    totalsRow(out, "ipv4", "IPv4", snapshot.store().ipv4());
    totalsRow(out, "ipv6", "IPv6", snapshot.store().ipv6());
    out.append("</tbody>\n</table>\n");

    out.append("<h2>Requests per second</h2>\n")
        .append("<canvas id=\"rates\" width=\"960\" height=\"300\" data-points=\"0\"")
        .append(" data-source=\"")
        .append(up)
        .append("stats.json\" data-interval-seconds=\"")
        .append(StatsFormat.seconds(snapshot.sampleInterval()))
        .append("\">Request rates over the last minutes (needs JavaScript).</canvas>\n")
        .append("<ul id=\"legend\"></ul>\n")
        .append("<table id=\"requests\">\n<thead><tr><th>Requests</th><th>Answered</th>")
        .append("<th>Last rate (/s)</th></tr></thead>\n<tbody>\n");
    List<String> keys = StatsSampler.RATE_KEYS;
    List<RateSample> rates = snapshot.rates();
    RateSample last = rates.isEmpty() ? null : rates.get(rates.size() - 1);
    for (int i = 0; i < keys.size(); i++) {
      out.append("<tr><th>")
          .append(keys.get(i).replace('_', ' '))
          .append("</th><td data-total=\"")
          .append(keys.get(i))
          .append("\">")
          .append(snapshot.requestTotal(i))
          .append("</td><td data-rate=\"")
          .append(keys.get(i))
          .append("\">")
          .append(last == null ? "-" : StatsFormat.decimal(last.rate(i)))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");

    out.append("<h2>Top torrents by peers</h2>\n");
    List<StoreStats.TopSwarm> top = snapshot.store().top();
    if (top.isEmpty()) {
      out.append("<p id=\"top-empty\">No swarms.</p>\n");
    } else {
      out.append("<table id=\"top\">\n<thead><tr><th>Info-hash</th><th>Family</th>")
          .append("<th>Seeders</th><th>Leechers</th><th>Downloads</th></tr></thead>\n<tbody>\n");
      for (StoreStats.TopSwarm swarm : top) {
        out.append("<tr><td class=\"hash\">")
            .append(swarm.infoHash())
            .append("</td><td>")
            .append(StatsJson.family(swarm.family()))
            .append("</td><td>")
            .append(swarm.seeders())
            .append("</td><td>")
            .append(swarm.leechers())
            .append("</td><td>")
            .append(swarm.downloads())
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("<p class=\"links\"><a href=\"")
        .append(up)
        .append("stats.json\">stats.json</a> &middot; <a href=\"")
        .append(up)
        .append("stats/metrics\">Prometheus metrics</a></p>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void totalsRow(
      StringBuilder out, String family, String label, StoreStats.Totals totals) {
    out.append("<tr id=\"")
        .append(family)
        .append("\"><th>")
        .append(label)
        .append("</th><td class=\"swarms\">")
        .append(totals.swarms())
        .append("</td><td class=\"seeders\">")
        .append(totals.seeders())
        .append("</td><td class=\"leechers\">")
        .append(totals.leechers())
        .append("</td><td class=\"downloads\">")
        .append(totals.downloads())
        .append("</td></tr>\n");
  }

  /** Appends {@code value} as HTML text, safe inside elements and quoted attributes. */
  static void text(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
