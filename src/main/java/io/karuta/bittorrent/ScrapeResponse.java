package io.karuta.bittorrent;

import java.util.List;

/**
 * The tracker's answer to a scrape.
 *
 * @param files one entry per requested info-hash, in request order; unknown swarms count zero
 */
public record ScrapeResponse(List<Scrape> files) {

  /** Makes the list immutable. */
  public ScrapeResponse {
    files = List.copyOf(files);
  }
}
