package io.karuta.bittorrent;

/**
 * A failure whose message may be shown to the client: as the bencoded {@code failure reason} over
 * HTTP, or as the text of a BEP 15 error packet over UDP.
 *
 * <p>The message must be a fixed string written in the code, never built from request data: it also
 * becomes the {@code error} label of request metrics, whose cardinality must stay bounded. Any
 * other exception is shown to clients as {@link #INTERNAL} and logged.
 *
 * <p>An error may also carry a retry hint in whole minutes, for a failure that passes by itself (a
 * store outage). HTTP sends it as BEP 31's {@code retry in} next to the {@code failure reason}; BEP
 * 15 has no such field, so UDP sends the text alone.
 *
 * <p>Instances carry no stack trace and no suppressed exceptions, so the shared constants below are
 * immutable and throwing them costs nothing.
 */
public final class ClientError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What clients see for any failure that is not a {@code ClientError}. */
  public static final ClientError INTERNAL = new ClientError("internal server error");

  /** An announce with port 0 (chihaya's text). */
  public static final ClientError INVALID_PORT = new ClientError("invalid port");

  /** An {@code event} value that is not one of BEP 3's (chihaya's text). */
  public static final ClientError UNKNOWN_EVENT = new ClientError("unknown event");

  /** A query string with a malformed percent escape (chihaya's text). */
  public static final ClientError INVALID_QUERY_ESCAPE = new ClientError("invalid query escape");

  /** An {@code info_hash} that is not 20 bytes (chihaya's text). */
  public static final ClientError INVALID_INFOHASH = new ClientError("provided invalid infohash");

  /** What {@link #retryInMinutes()} returns for an error without a retry hint. */
  public static final int NO_RETRY_HINT = 0;

  /** The retry hint in minutes, or {@link #NO_RETRY_HINT}. */
  private final int retryInMinutes;

  /**
   * Creates an error with a fixed, client-visible message and no retry hint.
   *
   * @param message a constant text; never include request data
   */
  public ClientError(String message) {
    super(message, null, false, false);
    requireMessage(message);
    this.retryInMinutes = NO_RETRY_HINT;
  }

  /**
   * Creates an error with a fixed, client-visible message and a retry hint (BEP 31).
   *
   * @param message a constant text; never include request data
   * @param retryInMinutes after how many whole minutes the client may try again; at least 1
   */
  public ClientError(String message, int retryInMinutes) {
    super(message, null, false, false);
    requireMessage(message);
    if (retryInMinutes < 1) {
      throw new IllegalArgumentException("a retry hint is at least one minute");
    }
    this.retryInMinutes = retryInMinutes;
  }

  /**
   * Returns after how many whole minutes the client may try again (BEP 31 {@code retry in}), or
   * {@link #NO_RETRY_HINT} when the error says nothing about retrying.
   */
  public int retryInMinutes() {
    return retryInMinutes;
  }

  private static void requireMessage(String message) {
    if (message == null || message.isEmpty()) {
      throw new IllegalArgumentException("a client error needs a message");
    }
  }
}
