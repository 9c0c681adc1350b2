package io.karuta.bittorrent;

/**
 * A failure whose message may be shown to the client: as the bencoded {@code failure reason} over
 * HTTP, or as the text of a BEP 15 error packet over UDP.
 *
 * <p>The message must be a fixed string written in the code, never built from request data: it also
 * becomes the {@code error} label of request metrics, whose cardinality must stay bounded. Any
 * other exception is shown to clients as {@link #INTERNAL} and logged.
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

  /**
   * Creates an error with a fixed, client-visible message.
   *
   * @param message a constant text; never include request data
   */
  public ClientError(String message) {
    super(message, null, false, false);
    if (message == null || message.isEmpty()) {
      throw new IllegalArgumentException("a client error needs a message");
    }
  }
}
