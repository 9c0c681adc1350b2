package io.karuta.bench.load;

/**
 * A fixed-size log-linear histogram of non-negative values (latencies in microseconds): exact below
 * {@value #LINEAR}, then 128 buckets per power of two, so a reported value is at most 1/128 (under
 * 1%) above the true one. Recording never allocates. Values beyond about 2^40 land in the last
 * bucket. Not thread-safe.
 */
final class Histogram {
  /** Values below this are counted exactly. */
  static final int LINEAR = 1024;

  private static final int SUB_BITS = 7;
  private static final int SUB = 1 << SUB_BITS;
  private static final int FIRST_EXPONENT = 10; // log2(LINEAR)
  private static final int EXPONENTS = 31;

  private final long[] counts = new long[LINEAR + EXPONENTS * SUB];
  private long total;
  private long max;

  /** Counts one value; negative values count as 0. */
  void record(long value) {
    long v = Math.max(0, value);
    counts[index(v)]++;
    total++;
    if (v > max) {
      max = v;
    }
  }

  /** Adds every count of {@code other} to this histogram. */
  void add(Histogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  /** How many values were recorded. */
  long count() {
    return total;
  }

  /** The largest value recorded, exactly; 0 when empty. */
  long max() {
    return max;
  }

  /**
   * The nearest-rank percentile: the smallest recorded value such that at least {@code percent} of
   * the values are at most it, reported as the top of its bucket (never above {@link #max()}).
   * Returns 0 when empty.
   */
  long percentile(double percent) {
    if (total == 0) {
      return 0;
    }
    // The epsilon keeps 99.9% of 1000 at rank 999 despite binary fractions.
    long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total - 1e-9));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(highest(i), max);
      }
    }
    return max;
  }

  private static int index(long v) {
    if (v < LINEAR) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    if (exponent >= FIRST_EXPONENT + EXPONENTS) {
      return LINEAR + EXPONENTS * SUB - 1;
    }
    int sub = (int) (v >>> (exponent - SUB_BITS)) - SUB;
    return LINEAR + (exponent - FIRST_EXPONENT) * SUB + sub;
  }

  /** The largest value that falls in bucket {@code i}. */
  private static long highest(int i) {
    if (i < LINEAR) {
      return i;
    }
    int exponent = FIRST_EXPONENT + (i - LINEAR) / SUB;
    long sub = SUB + (i - LINEAR) % SUB;
    long width = 1L << (exponent - SUB_BITS);
    return sub * width + width - 1;
  }
}
