package io.karuta.bench.load;

/**
 * When requests may be sent and which ones count: a warm-up, then the measured window that ends
 * after {@code duration} or {@code maxRequests} counted requests, then a drain of at most one
 * timeout. In closed-loop mode a request starts when it is sent; with a rate, requests are due on a
 * fixed schedule and a request's start is its due time, however late it is sent, so latency
 * includes any queueing behind a slow tracker (no coordinated omission). Not thread-safe.
 */
final class Schedule {
  private final long measureStart;
  private final long measureEnd;
  private final long timeoutNanos;
  private final long intervalNanos;
  private final long maxRequests;
  private long nextDue;
  private long counted;
  private long stoppedAt = -1;

  /** A schedule starting at {@code now} (from {@link System#nanoTime()}). */
  Schedule(LoadOptions o, long now) {
    measureStart = now + o.warmup().toNanos();
    measureEnd = measureStart + o.duration().toNanos();
    timeoutNanos = o.timeout().toNanos();
    intervalNanos = o.rate() > 0 ? Math.max(1, Math.round(1e9 / o.rate())) : 0;
    maxRequests = o.maxRequests();
    nextDue = now;
  }

  /** Whether sending is over (the window ended or the request limit was reached). */
  boolean sendingOver(long now) {
    if (stoppedAt < 0 && (now >= measureEnd || (maxRequests > 0 && counted >= maxRequests))) {
      stoppedAt = Math.min(now, measureEnd);
    }
    return stoppedAt >= 0;
  }

  /** Whether a request is due at {@code now} (always, in closed-loop mode). */
  boolean due(long now) {
    return intervalNanos == 0 || now - nextDue >= 0;
  }

  /** Nanoseconds until the next request is due, 0 if one is due now. */
  long untilDue(long now) {
    return intervalNanos == 0 ? 0 : Math.max(0, nextDue - now);
  }

  /** Takes the next request's start time: its due time with a rate, else {@code now}. */
  long take(long now) {
    if (intervalNanos == 0) {
      return now;
    }
    long start = nextDue;
    nextDue += intervalNanos;
    return start;
  }

  /** Whether a request started at {@code start} is counted; counts it if so. */
  boolean count(long start) {
    if (measured(start)) {
      counted++;
      return true;
    }
    return false;
  }

  /** Whether {@code time} lies after the warm-up. */
  boolean measured(long time) {
    return time - measureStart >= 0;
  }

  /** Whether a request started at {@code start} has waited longer than the timeout. */
  boolean timedOut(long start, long now) {
    return now - start > timeoutNanos;
  }

  /** Whether the drain after sending stopped has lasted a full timeout. */
  boolean drainOver(long now) {
    return stoppedAt >= 0 && now - stoppedAt > timeoutNanos;
  }

  /** The length of the measured window in seconds: to the end, or to when sending stopped. */
  double measuredSeconds() {
    long end = stoppedAt >= 0 ? stoppedAt : measureEnd;
    return Math.max(0, end - measureStart) / 1e9;
  }
}
