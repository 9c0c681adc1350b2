package io.karuta.config;

import io.karuta.bittorrent.IpNetwork;
import io.karuta.bittorrent.Sanitizer;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP frontend's settings (chihaya's {@code http.*}). Listeners, TLS, timeouts and keep-alive
 * belong to the application server, not here. Immutable and thread-safe.
 *
 * @param announceRoutes the announce paths, each starting with {@code /}; at least one
 * @param scrapeRoutes the scrape paths, each starting with {@code /}; at least one
 * @param allowIpSpoofing whether the {@code ip}, {@code ipv4} and {@code ipv6} parameters are used
 * @param realIpHeader the header holding the client address behind a reverse proxy; {@code ""} when
 *     the connection's address is used
 * @param trustedProxies the reverse proxies whose {@code realIpHeader} is believed; the header of
 *     any other sender is ignored
 * @param maxQueryLength the longest query string answered, in characters; longer ones get a failure
 * @param maxNumWant the most peers one reply may carry, 1 to 1000
 * @param defaultNumWant peers for a client that did not say, 0 to {@code maxNumWant}
 * @param maxScrapeInfoHashes the most info-hashes one scrape answers, 1 to 1000
 */
public record HttpConfig(
    List<String> announceRoutes,
    List<String> scrapeRoutes,
    boolean allowIpSpoofing,
    String realIpHeader,
    List<IpNetwork> trustedProxies,
    int maxQueryLength,
    int maxNumWant,
    int defaultNumWant,
    int maxScrapeInfoHashes) {

  /** Checks for nulls and copies the lists. */
  public HttpConfig {
    announceRoutes = List.copyOf(announceRoutes);
    scrapeRoutes = List.copyOf(scrapeRoutes);
    Objects.requireNonNull(realIpHeader, "realIpHeader");
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** Returns the sanitising rules with this frontend's numwant and scrape limits. */
  public Sanitizer sanitizer() {
    return new Sanitizer(maxNumWant, defaultNumWant, maxScrapeInfoHashes);
  }
}
