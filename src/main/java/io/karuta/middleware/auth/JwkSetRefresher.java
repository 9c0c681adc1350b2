package io.karuta.middleware.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the current JWK set of one {@code jwt} hook and keeps it fresh in the background.
 *
 * <p>{@link #start()} fetches once on the calling thread, then every fetch schedules the next on
 * the maintenance scheduler: after a success, one update interval later; after a failure, sooner,
 * after a retry delay that doubles from the first one up to the maximum (never beyond the
 * interval). A failed fetch keeps the keys already held; until the first success there are none, so
 * every token is rejected. The first failure of a run of failures logs one warning, the others only
 * at FINE; the success that ends the run logs at INFO.
 *
 * <p>Thread-safe: {@link #keys()} reads an immutable set that a fetch replaces in one volatile
 * write; fetches run one after another.
 */
final class JwkSetRefresher {
  private static final Logger LOG = Logger.getLogger(JwkSetRefresher.class.getName());

  /** The production retry delays after a failed fetch. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final String name;
  private final String url;
  private final JwkSetClient client;
  private final Duration interval;
  private final Duration firstRetry;
  private final Duration maxRetry;
  private final ScheduledExecutorService scheduler;

  private volatile JwtKeys keys = JwtKeys.EMPTY;
  private int failures; // only touched by the fetches, which run one after another
  private ScheduledFuture<?> next; // guarded by this
  private boolean stopped; // guarded by this

  /**
   * @param name the hook entry, for logs, such as {@code jwt hook karuta.prehooks[0]}
   * @param url the URL as it may be logged
   */
  JwkSetRefresher(
      String name,
      String url,
      JwkSetClient client,
      Duration interval,
      Duration firstRetry,
      Duration maxRetry,
      ScheduledExecutorService scheduler) {
    this.name = name;
    this.url = url;
    this.client = client;
    this.interval = interval;
    this.firstRetry = firstRetry;
    this.maxRetry = maxRetry;
    this.scheduler = scheduler;
  }

  /** Returns the keys of the last successful fetch, or none before the first. */
  JwtKeys keys() {
    return keys;
  }

  /** Fetches now, on this thread, and schedules the next fetch. */
  void start() {
    refresh();
  }

  /** Cancels the next fetch; a fetch already running finishes and schedules nothing. */
  synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel(false);
    }
  }

  private void refresh() {
    Duration delay;
    try {
      succeeded(client.fetch());
      delay = interval;
    } catch (IOException | RuntimeException e) {
      delay = failed(e);
    }
    schedule(delay);
  }

  private void succeeded(JwtKeys fetched) {
    JwtKeys previous = keys;
    keys = fetched;
    if (failures > 0 || !previous.kids().equals(fetched.kids())) {
      LOG.info(
          () ->
              name
                  + ": JWK set from "
                  + url
                  + (failures > 0 ? " fetched again after " + failures + " failed attempts" : "")
                  + ": "
                  + fetched.size()
                  + " keys "
                  + fetched.kids()
                  + (fetched.skipped() > 0 ? ", " + fetched.skipped() + " left out" : ""));
    }
    failures = 0;
  }

  private Duration failed(Exception e) {
    failures++;
    Duration delay = retryDelay();
    JwtKeys held = keys;
    Level level = failures == 1 ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        () ->
            name
                + ": cannot fetch the JWK set from "
                + url
                + " ("
                + e
                + "); "
                + (held.size() == 0
                    ? "no keys yet, so every token is rejected as invalid until a fetch succeeds"
                    : "keeping the " + held.size() + " keys fetched before")
                + "; next attempt in "
                + delay.toMillis()
                + " ms");
    return delay;
  }

  private Duration retryDelay() {
    int doublings = Math.min(failures - 1, 20);
    Duration delay = firstRetry.multipliedBy(1L << doublings);
    if (delay.compareTo(maxRetry) > 0) {
      delay = maxRetry;
    }
    return delay.compareTo(interval) > 0 ? interval : delay;
  }

  private synchronized void schedule(Duration delay) {
    if (stopped) {
      return;
    }
    try {
      next = scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The application is stopping and its scheduler with it.
      LOG.fine(() -> name + ": scheduler stopped, no further JWK set fetches");
    }
  }
}
