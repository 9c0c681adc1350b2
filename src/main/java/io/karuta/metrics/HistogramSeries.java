package io.karuta.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram of durations with fixed bucket bounds, counted exactly: one {@link LongAdder} per
 * bucket and one for the sum, so {@link #record} is lock-free and allocates nothing (unlike a
 * decaying-sample reservoir, whose buckets are estimates).
 */
public final class HistogramSeries extends Series {
  private final double[] boundsSeconds;
  private final long[] boundsNanos;
  // One more than the bounds: the last counts what is above every bound (le="+Inf" minus the rest).
  private final LongAdder[] buckets;
  private final LongAdder sumNanos = new LongAdder();

  HistogramSeries(Family family, List<Label> labels, double[] boundsSeconds) {
    super(family, labels);
    this.boundsSeconds = boundsSeconds.clone();
    this.boundsNanos = new long[boundsSeconds.length];
    for (int i = 0; i < boundsSeconds.length; i++) {
      boundsNanos[i] = Math.round(boundsSeconds[i] * 1e9);
      if (i > 0 && boundsNanos[i] <= boundsNanos[i - 1]) {
        throw new IllegalArgumentException("bucket bounds must increase");
      }
    }
    this.buckets = new LongAdder[boundsSeconds.length + 1];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  /** Counts one observation of {@code nanos} nanoseconds (negative counts as 0). */
  public void record(long nanos) {
    long value = Math.max(0, nanos);
    int bucket = 0;
    // Bounds are inclusive ("le"); a dozen comparisons beat a binary search at this size.
    while (bucket < boundsNanos.length && value > boundsNanos[bucket]) {
      bucket++;
    }
    buckets[bucket].increment();
    sumNanos.add(value);
  }

  /** Returns the upper bounds of the finite buckets, in seconds, increasing. */
  public double[] boundsSeconds() {
    return boundsSeconds.clone();
  }

  /**
   * Returns the cumulative count of bucket {@code index}: observations of at most {@code
   * boundsSeconds()[index]}; {@code index == boundsSeconds().length} gives the total ({@code
   * +Inf}).
   */
  public long cumulativeCount(int index) {
    long total = 0;
    for (int i = 0; i <= index; i++) {
      total += buckets[i].sum();
    }
    return total;
  }

  /** Returns how many observations there were. */
  public long count() {
    return cumulativeCount(boundsNanos.length);
  }

  /** Returns the sum of the observations in seconds. */
  public double sumSeconds() {
    return sumNanos.sum() / 1e9;
  }
}
