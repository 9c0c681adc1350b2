package io.karuta.bittorrent;

/** The {@code event} of an announce (BEP 3; numbered 0 to 3 in BEP 15). */
public enum Event {
  /** A regular announce; also what {@code empty}, {@code paused} and an absent event mean. */
  NONE,
  /** The first announce of a download. */
  STARTED,
  /** The client is leaving the swarm. */
  STOPPED,
  /** The download just finished. */
  COMPLETED;

  /**
   * Parses an HTTP {@code event} value, ignoring case. {@code ""}, {@code none} and {@code empty}
   * mean {@link #NONE}. {@code paused} (BEP 21, sent by partial seeds on every announce) is a
   * regular update and also gives {@link #NONE}.
   *
   * @throws ClientError {@link ClientError#UNKNOWN_EVENT} for anything else
   */
  public static Event parse(String value) {
    if (value.isEmpty()
        || value.equalsIgnoreCase("none")
        || value.equalsIgnoreCase("empty")
        || value.equalsIgnoreCase("paused")) {
      return NONE;
    }
    if (value.equalsIgnoreCase("started")) {
      return STARTED;
    }
    if (value.equalsIgnoreCase("stopped")) {
      return STOPPED;
    }
    if (value.equalsIgnoreCase("completed")) {
      return COMPLETED;
    }
    throw ClientError.UNKNOWN_EVENT;
  }
}
