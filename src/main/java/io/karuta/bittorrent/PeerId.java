package io.karuta.bittorrent;

/**
 * The 20-byte ID a BitTorrent client chooses for itself (BEP 3, BEP 20). Held as three primitive
 * fields like {@link InfoHash}; build instances with {@link #of(byte[])}.
 *
 * @param high bytes 0 to 7, big-endian
 * @param middle bytes 8 to 15, big-endian
 * @param low bytes 16 to 19, big-endian
 */
public record PeerId(long high, long middle, int low) {

  /** The length of a peer ID in bytes. */
  public static final int LENGTH = Bytes20.LENGTH;

  /**
   * Returns the peer ID with the given 20 bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly 20 bytes long
   */
  public static PeerId of(byte[] bytes) {
    Bytes20.checkLength(bytes, "peer_id");
    return of(bytes, 0);
  }

  /** Returns the peer ID stored in {@code bytes[offset .. offset + 20)}. */
  public static PeerId of(byte[] bytes, int offset) {
    return new PeerId(
        Bytes20.long0(bytes, offset), Bytes20.long1(bytes, offset), Bytes20.int2(bytes, offset));
  }

  /** Returns a new array holding the 20 bytes. */
  public byte[] bytes() {
    return Bytes20.toBytes(high, middle, low);
  }

  /** Writes the 20 bytes into {@code dst} at {@code offset}. */
  public void writeTo(byte[] dst, int offset) {
    Bytes20.write(high, middle, low, dst, offset);
  }

  /** Returns the 40 lowercase hex digits. */
  @Override
  public String toString() {
    return Hex.encode(bytes());
  }
}
