package io.karuta.bench.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a run's stats: a table per kind (announce, scrape, combined) with latency percentiles in
 * microseconds of valid replies and every failure bucket, then one {@code RESULT key=value ...}
 * line for scripts.
 */
final class Report {
  private Report() {}

  /** Prints the human-readable summary and the final RESULT line. */
  static void print(LoadStats stats, PrintStream out) {
    Tally combined = stats.combined();
    out.printf(
        Locale.ROOT,
        "%s load: measured %.2f s; generator thread CPU %.2f s%n",
        stats.protocol,
        stats.seconds(),
        stats.cpuSeconds());
    out.printf(
        Locale.ROOT,
        "%-9s %10s %10s %10s %8s %8s %8s %8s %9s %8s %8s %8s%n",
        "kind",
        "sent",
        "valid",
        "valid/s",
        "p50us",
        "p90us",
        "p99us",
        "p99.9us",
        "maxus",
        "errors",
        "invalid",
        "timeouts");
    Tally[] rows =
        stats.protocol.equals(LoadOptions.UDP)
            ? new Tally[] {stats.announce, stats.scrape, stats.connect, combined}
            : new Tally[] {stats.announce, stats.scrape, combined};
    for (Tally t : rows) {
      row(t, stats.seconds(), out);
    }
    out.printf(Locale.ROOT, "unexpected replies: %d%n", combined.count(Verdict.UNEXPECTED));
    if (stats.protocol.equals(LoadOptions.HTTP)) {
      out.printf(
          Locale.ROOT,
          "requests resent after a server closed a kept connection: %d%n",
          stats.retries);
    }
    for (Tally t : new Tally[] {stats.announce, stats.scrape, stats.connect, stats.stray}) {
      reasons(t, out);
    }
    out.printf(
        Locale.ROOT,
        "RESULT proto=%s sent=%d valid=%d valid_per_s=%.0f p50_us=%d p90_us=%d p99_us=%d"
            + " p999_us=%d max_us=%d errors=%d invalid=%d timeouts=%d unexpected=%d"
            + " duration_s=%.2f cpu_s=%.2f%n",
        stats.protocol,
        combined.sentCount(),
        combined.count(Verdict.VALID),
        stats.validPerSecond(),
        combined.latency().percentile(50),
        combined.latency().percentile(90),
        combined.latency().percentile(99),
        combined.latency().percentile(99.9),
        combined.latency().max(),
        combined.count(Verdict.Outcome.ERROR),
        combined.count(Verdict.Outcome.INVALID),
        combined.count(Verdict.Outcome.TIMEOUT),
        combined.count(Verdict.Outcome.UNEXPECTED),
        stats.seconds(),
        stats.cpuSeconds());
  }

  private static void row(Tally t, double seconds, PrintStream out) {
    Histogram h = t.latency();
    out.printf(
        Locale.ROOT,
        "%-9s %10d %10d %10.0f %8d %8d %8d %8d %9d %8d %8d %8d%n",
        t.name,
        t.sentCount(),
        t.count(Verdict.VALID),
        seconds > 0 ? t.count(Verdict.VALID) / seconds : 0,
        h.percentile(50),
        h.percentile(90),
        h.percentile(99),
        h.percentile(99.9),
        h.max(),
        t.count(Verdict.Outcome.ERROR),
        t.count(Verdict.Outcome.INVALID),
        t.count(Verdict.Outcome.TIMEOUT));
  }

  private static void reasons(Tally t, PrintStream out) {
    for (Verdict v : Verdict.values()) {
      if (v != Verdict.VALID && t.count(v) > 0) {
        out.printf(
            Locale.ROOT,
            "  %s %s: %s = %d%n",
            t.name,
            v.outcome.name().toLowerCase(Locale.ROOT),
            v.text,
            t.count(v));
      }
    }
  }
}
