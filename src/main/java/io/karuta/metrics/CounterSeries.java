package io.karuta.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A counter: only goes up. Thread-safe; {@link #add} is lock-free and allocates nothing. */
public final class CounterSeries extends Series {
  private final LongAdder count = new LongAdder();

  CounterSeries(Family family, List<Label> labels) {
    super(family, labels);
  }

  /** Adds one. */
  public void increment() {
    count.increment();
  }

  /** Adds {@code amount}, which must not be negative. */
  public void add(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("a counter only goes up, got " + amount);
    }
    count.add(amount);
  }

  /** Returns the count so far. */
  public long value() {
    return count.sum();
  }
}
