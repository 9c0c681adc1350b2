package io.karuta.bittorrent;

import java.util.List;

/**
 * A scrape (BEP 48 over HTTP, BEP 15 over UDP), parsed and protocol-neutral.
 *
 * @param family the requester's address family, which selects the swarms counted
 * @param infoHashes the torrents asked for, in request order, duplicates kept, at least one
 * @param params every request parameter, for hooks
 */
public record ScrapeRequest(AddressFamily family, List<InfoHash> infoHashes, Params params) {

  /** Checks the values and makes the list immutable. */
  public ScrapeRequest {
    if (family == null || params == null) {
      throw new IllegalArgumentException("family and params are required");
    }
    infoHashes = List.copyOf(infoHashes);
    if (infoHashes.isEmpty()) {
      throw new IllegalArgumentException("a scrape names at least one info-hash");
    }
  }

  /** Returns a copy limited to the first {@code max} info-hashes. */
  public ScrapeRequest truncatedTo(int max) {
    return infoHashes.size() <= max
        ? this
        : new ScrapeRequest(family, infoHashes.subList(0, max), params);
  }
}
