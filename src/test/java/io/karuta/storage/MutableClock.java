package io.karuta.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that tests move by hand; the only fake the test suite uses. Thread-safe. */
public final class MutableClock implements InstantSource {
  private volatile long millis;

  /** Starts at {@code start}. */
  public MutableClock(Instant start) {
    this.millis = start.toEpochMilli();
  }

  /** Moves the clock forward by {@code duration}. */
  public synchronized void advance(Duration duration) {
    millis += duration.toMillis();
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }
}
