package io.karuta.bittorrent;

/**
 * The checks and defaults every frontend applies to a parsed request before the tracker logic sees
 * it (chihaya's {@code SanitizeAnnounce}/{@code SanitizeScrape}):
 *
 * <ul>
 *   <li>an announce with port 0 fails with {@link ClientError#INVALID_PORT};
 *   <li>without a client {@code numwant} the default applies; a larger one than the maximum is cut
 *       to the maximum; 0 stays 0;
 *   <li>a scrape keeps only its first {@code maxScrapeInfoHashes} info-hashes, silently.
 * </ul>
 *
 * <p>IPv4-mapped IPv6 addresses need no step here: {@link IpAddress} never holds one. Immutable and
 * thread-safe.
 *
 * @param maxNumWant the most peers one reply may carry, at least 1
 * @param defaultNumWant peers for a client that did not say, 0 to {@code maxNumWant}
 * @param maxScrapeInfoHashes the most info-hashes one scrape answers, at least 1
 */
public record Sanitizer(int maxNumWant, int defaultNumWant, int maxScrapeInfoHashes) {

  /** Checks the limits. */
  public Sanitizer {
    if (maxNumWant < 1 || defaultNumWant < 0 || defaultNumWant > maxNumWant) {
      throw new IllegalArgumentException("need 0 <= default numwant <= max numwant, max >= 1");
    }
    if (maxScrapeInfoHashes < 1) {
      throw new IllegalArgumentException("max scrape info-hashes must be at least 1");
    }
  }

  /**
   * Returns the announce with its numwant settled.
   *
   * @throws ClientError {@link ClientError#INVALID_PORT} when the port is 0
   */
  public AnnounceRequest announce(AnnounceRequest request) {
    if (request.peer().port() == 0) {
      throw ClientError.INVALID_PORT;
    }
    int numWant =
        request.numWantProvided() ? Math.min(request.numWant(), maxNumWant) : defaultNumWant;
    return numWant == request.numWant() ? request : request.withNumWant(numWant);
  }

  /** Returns the scrape with at most {@code maxScrapeInfoHashes} info-hashes. */
  public ScrapeRequest scrape(ScrapeRequest request) {
    return request.truncatedTo(maxScrapeInfoHashes);
  }
}
