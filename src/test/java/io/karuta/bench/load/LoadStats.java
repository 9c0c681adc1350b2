package io.karuta.bench.load;

/**
 * Everything one run counted, split by kind, plus the measured window and the generator's own CPU
 * time. Only requests sent inside the measured window (after the warm-up) are counted.
 */
final class LoadStats {
  final String protocol;
  final Tally announce = new Tally("announce");
  final Tally scrape = new Tally("scrape");

  /** UDP connect handshakes; their failures count in the combined columns. */
  final Tally connect = new Tally("connect");

  /** Replies that belong to no request (unknown transaction id, a datagram too short to say). */
  final Tally stray = new Tally("unmatched");

  /** HTTP: requests sent again because a reused connection had been closed by the server. */
  long retries;

  private double seconds;
  private double cpuSeconds;

  LoadStats(String protocol) {
    this.protocol = protocol;
  }

  /** Sets the measured window and the engine thread's CPU time over the whole run. */
  void finish(double seconds, double cpuSeconds) {
    this.seconds = seconds;
    this.cpuSeconds = cpuSeconds;
  }

  /** The length of the measured window in seconds. */
  double seconds() {
    return seconds;
  }

  /** CPU seconds the engine thread used, warm-up and drain included. */
  double cpuSeconds() {
    return cpuSeconds;
  }

  /**
   * Announce and scrape together; the failures of connects and unmatched replies are added too, so
   * a combined error or invalid count of 0 means nothing went wrong anywhere.
   */
  Tally combined() {
    Tally all = new Tally("combined");
    all.add(announce);
    all.add(scrape);
    all.addFailures(connect);
    all.addFailures(stray);
    return all;
  }

  /** Valid announce and scrape replies per second of the measured window. */
  double validPerSecond() {
    long valid = announce.count(Verdict.VALID) + scrape.count(Verdict.VALID);
    return seconds > 0 ? valid / seconds : 0;
  }
}
