package io.karuta.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for something a deployed tracker does a moment later. */
final class Poll {
  private Poll() {}

  /** Polls {@code condition} every 50 ms until it holds; fails after {@code timeout}. */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what, e);
      }
    }
  }
}
