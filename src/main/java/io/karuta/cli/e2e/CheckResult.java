package io.karuta.cli.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the end-to-end check of one tracker URL, and its verdict line.
 *
 * @param runs how many runs were made (all of them when the check passed)
 * @param peers how many test peers announced
 * @param requests how many requests were exchanged with the tracker
 * @param elapsed the wall time of the whole check
 * @param failure what failed, empty when every run passed
 */
public record CheckResult(
    int runs, int peers, int requests, Duration elapsed, Optional<String> failure) {

  /** Checks that every part is present. */
  public CheckResult {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(failure, "failure");
  }

  /** Whether every run passed. */
  public boolean ok() {
    return failure.isEmpty();
  }

  /**
   * Returns the verdict line: {@code http http://host:6969/announce: ok (1 run, 2 peers, 7
   * requests, 12 ms)} or {@code udp udp://host:6969: FAILED: the second peer was not given the
   * first}.
   */
  public String line(String protocol, URI url) {
    String head = protocol + " " + url + ": ";
    if (failure.isPresent()) {
      return head + "FAILED: " + failure.get();
    }
    return head
        + "ok ("
        + plural(runs, "run")
        + ", "
        + plural(peers, "peer")
        + ", "
        + plural(requests, "request")
        + ", "
        + elapsed.toMillis()
        + " ms)";
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
