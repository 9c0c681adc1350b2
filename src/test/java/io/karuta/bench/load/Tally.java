package io.karuta.bench.load;

/**
 * Counts for one kind of request (announce, scrape, UDP connect, or replies that match no request):
 * requests sent, one counter per {@link Verdict}, and the latency of valid replies in microseconds.
 * Recording never allocates. Not thread-safe.
 */
final class Tally {
  private static final Verdict[] VERDICTS = Verdict.values();

  final String name;
  private final long[] verdicts = new long[VERDICTS.length];
  private final Histogram latency = new Histogram();
  private long sent;

  Tally(String name) {
    this.name = name;
  }

  /** Counts one request sent. */
  void sent() {
    sent++;
  }

  /** Counts one outcome; a valid one records {@code latencyNanos}. */
  void record(Verdict verdict, long latencyNanos) {
    verdicts[verdict.ordinal()]++;
    if (verdict == Verdict.VALID) {
      latency.record(latencyNanos / 1_000);
    }
  }

  /** Adds everything counted by {@code other}. */
  void add(Tally other) {
    sent += other.sent;
    for (int i = 0; i < verdicts.length; i++) {
      verdicts[i] += other.verdicts[i];
    }
    latency.add(other.latency);
  }

  /** Adds the failure counters of {@code other}, not its requests, valid replies or latency. */
  void addFailures(Tally other) {
    for (Verdict v : VERDICTS) {
      if (v != Verdict.VALID) {
        verdicts[v.ordinal()] += other.verdicts[v.ordinal()];
      }
    }
  }

  long sentCount() {
    return sent;
  }

  long count(Verdict verdict) {
    return verdicts[verdict.ordinal()];
  }

  /** The sum of the counters of every verdict in {@code outcome}. */
  long count(Verdict.Outcome outcome) {
    long sum = 0;
    for (Verdict v : VERDICTS) {
      if (v.outcome == outcome) {
        sum += verdicts[v.ordinal()];
      }
    }
    return sum;
  }

  Histogram latency() {
    return latency;
  }
}
