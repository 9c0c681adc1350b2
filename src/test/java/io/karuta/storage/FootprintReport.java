package io.karuta.storage;

/**
 * Prints the footprint table of a store for the three swarm layouts of docs/benchmarks.md:
 * chihaya's benchmark data (swarms of 500 seeders and 500 leechers), many swarms of 10, and one
 * huge swarm.
 */
public final class FootprintReport {
  /** Measures one layout: fills a fresh store and returns the bytes it takes per stored peer. */
  @FunctionalInterface
  public interface Layout {
    /** Fills {@code swarms} swarms of {@code perSwarm} peers, half seeders, half leechers. */
    double bytesPerPeer(int swarms, int perSwarm) throws Exception;
  }

  private FootprintReport() {}

  /** Prints one line per layout for {@code peers} peers in all. */
  public static void print(int peers, Layout layout) throws Exception {
    System.out.println("layout                          swarms   peers/swarm   bytes/peer");
    for (int perSwarm : new int[] {1_000, 10, peers}) {
      int swarms = peers / perSwarm;
      System.out.printf(
          "%-30s %8d %13d %12.1f%n",
          perSwarm == 1_000
              ? "chihaya bench (500S+500L)"
              : perSwarm == 10 ? "many small swarms" : "one huge swarm",
          swarms,
          perSwarm,
          layout.bytesPerPeer(swarms, perSwarm));
    }
  }
}
