package io.karuta.bench.load;

import io.karuta.bittorrent.Hex;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The command line of the load generator: {@code udp} or {@code http} runs a load against a
 * loopback tracker and prints a report; {@code hashes} prints the run's info-hashes, one 40-digit
 * lowercase hex hash per line (opentracker's whitelist format).
 *
 * <p>Exit codes: 0 when the run completed (even with errors), 1 when not a single valid reply came
 * back, 2 for a bad command line.
 */
public final class Load {
  private Load() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (UsageException e) {
      err.println("load: " + e.getMessage());
      err.println(LoadOptions.USAGE);
      return 2;
    }
    if (options.protocol().equals(LoadOptions.HASHES)) {
      printHashes(options, out);
      return 0;
    }
    LoadStats stats;
    try {
      stats = measure(options);
    } catch (IOException e) {
      err.println("load: " + e);
      return 1;
    }
    Report.print(stats, out);
    long valid = stats.combined().count(Verdict.VALID);
    return valid > 0 ? 0 : 1;
  }

  /** Runs one load with parsed options and returns what it counted; prints nothing. */
  static LoadStats measure(LoadOptions options) throws IOException {
    Workload workload = new Workload(options);
    LoadStats stats = new LoadStats(options.protocol());
    Engine engine =
        options.http()
            ? new HttpLoad(options, workload, stats)
            : new UdpLoad(options, workload, stats);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    engine.run();
    stats.finish(engine.measuredSeconds(), (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    return stats;
  }

  private static void printHashes(LoadOptions options, PrintStream out) {
    byte[] hashes = Workload.infoHashes(options.torrents(), options.seed());
    StringBuilder text = new StringBuilder(hashes.length * 2 + hashes.length / 20);
    for (int t = 0; t < options.torrents(); t++) {
      int at = Workload.hashOffset(t);
      text.append(Hex.encode(Arrays.copyOfRange(hashes, at, at + 20))).append('\n');
    }
    out.print(text);
    out.flush();
  }
}
