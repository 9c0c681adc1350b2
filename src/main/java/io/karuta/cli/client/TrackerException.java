package io.karuta.cli.client;

/**
 * A tracker exchange that did not give a usable reply. The message is one short line meant for
 * people: a fixed text, with at most the tracker's own failure text or a count in it, never a stack
 * trace or raw bytes.
 */
public final class TrackerException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so callers can tell the transport from the tracker. */
  public enum Kind {
    /** Nothing answered: unknown host, connection refused, no reply in time. */
    UNREACHABLE,
    /** The tracker answered with a failure: HTTP {@code failure reason} or a UDP error packet. */
    REFUSED,
    /** Something answered, but not as a tracker does (HTML, a 404 page, not bencode, garbage). */
    NOT_A_TRACKER,
    /** The URL cannot do what was asked, such as a scrape on a tracker without one. */
    UNSUPPORTED
  }

  private static final int MAX_TEXT = 200;

  private final Kind kind;
  private final String reason;

  private TrackerException(Kind kind, String message, String reason) {
    super(message, null, false, false);
    this.kind = kind;
    this.reason = reason;
  }

  /** Nothing answered; {@code what} says how, such as {@code connection refused}. */
  public static TrackerException unreachable(String what) {
    return new TrackerException(Kind.UNREACHABLE, what, null);
  }

  /**
   * The tracker refused with {@code reason} (its own text, shown cleaned of control characters and
   * cut to 200 characters).
   */
  public static TrackerException refused(String reason) {
    return new TrackerException(Kind.REFUSED, "tracker failure: " + printable(reason), reason);
  }

  /** The tracker refused with {@code reason}, and said more in {@code detail}, e.g. the status. */
  static TrackerException refused(String reason, String detail) {
    return new TrackerException(
        Kind.REFUSED, "tracker failure: " + printable(reason) + " (" + detail + ")", reason);
  }

  /** The answer was not a tracker's; {@code detail} says why, as a fixed text. */
  public static TrackerException notATracker(String detail) {
    return new TrackerException(Kind.NOT_A_TRACKER, "not a tracker reply (" + detail + ")", null);
  }

  /** The URL cannot do what was asked; {@code what} says what, as a fixed text. */
  static TrackerException unsupported(String what) {
    return new TrackerException(Kind.UNSUPPORTED, what, null);
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }

  /** Returns the tracker's failure text as sent, for {@link Kind#REFUSED}; otherwise null. */
  public String reason() {
    return reason;
  }

  /**
   * Returns {@code text} with control characters (which could move a terminal's cursor or change
   * its colours) replaced by {@code ?}, and cut to 200 characters.
   */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT + 1));
    for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (text.length() > MAX_TEXT) {
      out.append('…');
    }
    return out.toString();
  }
}
