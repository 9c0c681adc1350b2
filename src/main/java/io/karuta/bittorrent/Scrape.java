package io.karuta.bittorrent;

/**
 * The counts of one swarm, as a scrape reports them (BEP 48, BEP 15).
 *
 * @param infoHash the torrent
 * @param complete seeders
 * @param incomplete leechers
 * @param downloaded how many peers completed the download (the snatch count)
 */
public record Scrape(InfoHash infoHash, int complete, int incomplete, int downloaded) {

  /** Checks that the info-hash is present and the counts are non-negative. */
  public Scrape {
    if (infoHash == null) {
      throw new IllegalArgumentException("info-hash is required");
    }
    if (complete < 0 || incomplete < 0 || downloaded < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /** Returns the counts of a swarm nobody announced to: all zero. */
  public static Scrape empty(InfoHash infoHash) {
    return new Scrape(infoHash, 0, 0, 0);
  }
}
