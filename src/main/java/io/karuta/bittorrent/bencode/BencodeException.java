package io.karuta.bittorrent.bencode;

/**
 * Input that is not canonical bencode, thrown by {@link BencodeReader}.
 *
 * <p>The message is one of a fixed set of texts starting with {@code "bencode: "}, such as {@code
 * "bencode: short read"}; it never contains input data. {@link #offset()} says where in the input
 * array the problem was found.
 */
public final class BencodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  BencodeException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** Returns the index in the input array at which decoding stopped. */
  public int offset() {
    return offset;
  }
}
