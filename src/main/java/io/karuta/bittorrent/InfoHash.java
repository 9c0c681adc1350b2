package io.karuta.bittorrent;

/**
 * The 20-byte SHA-1 info-hash that names a torrent (BEP 3). Version 2 torrents announce the first
 * 20 bytes of their SHA-256 hash (BEP 52), so 20 bytes is the only valid length.
 *
 * <p>The bytes are held as three primitive fields, so the value is immutable without defensive
 * copies and compares and hashes without touching an array. Build instances with {@link
 * #of(byte[])} or {@link #fromHex(String)}.
 *
 * @param high bytes 0 to 7, big-endian
 * @param middle bytes 8 to 15, big-endian
 * @param low bytes 16 to 19, big-endian
 */
public record InfoHash(long high, long middle, int low) implements Comparable<InfoHash> {

  /** The length of an info-hash in bytes. */
  public static final int LENGTH = Bytes20.LENGTH;

  // Clients choose info-hashes freely, so hash codes must not be predictable: with a fixed function
  // an attacker announces thousands of hashes that share a hash map bucket with a real torrent.
  private static final long SEED = new java.security.SecureRandom().nextLong();

  /**
   * Returns the info-hash with the given 20 bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly 20 bytes long
   */
  public static InfoHash of(byte[] bytes) {
    Bytes20.checkLength(bytes, "info_hash");
    return of(bytes, 0);
  }

  /** Returns the info-hash stored in {@code bytes[offset .. offset + 20)}. */
  public static InfoHash of(byte[] bytes, int offset) {
    return new InfoHash(
        Bytes20.long0(bytes, offset), Bytes20.long1(bytes, offset), Bytes20.int2(bytes, offset));
  }

  /**
   * Parses 40 hexadecimal digits (either case).
   *
   * @throws IllegalArgumentException if the text is not 40 hex digits
   */
  public static InfoHash fromHex(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("an info-hash is 40 hex digits, got " + hex.length());
    }
    return of(Hex.decode(hex));
  }

  /** Returns a new array holding the 20 bytes. */
  public byte[] bytes() {
    return Bytes20.toBytes(high, middle, low);
  }

  /** Writes the 20 bytes into {@code dst} at {@code offset}. */
  public void writeTo(byte[] dst, int offset) {
    Bytes20.write(high, middle, low, dst, offset);
  }

  /**
   * Returns a hash code mixed from all 20 bytes with a random per-process seed, so nobody outside
   * the process can choose info-hashes that collide.
   */
  @Override
  public int hashCode() {
    long h = Mix.mix(SEED ^ high);
    h = Mix.mix(h ^ middle);
    h = Mix.mix(h ^ low);
    return (int) (h ^ (h >>> 32));
  }

  /**
   * Orders info-hashes by their bytes, as unsigned numbers. Being comparable also bounds the cost
   * of hash collisions in {@link java.util.concurrent.ConcurrentHashMap}, which keeps colliding
   * comparable keys in a balanced tree.
   */
  @Override
  public int compareTo(InfoHash other) {
    int order = Long.compareUnsigned(high, other.high);
    if (order == 0) {
      order = Long.compareUnsigned(middle, other.middle);
    }
    return order != 0 ? order : Integer.compareUnsigned(low, other.low);
  }

  /** Returns the 40 lowercase hex digits, for example {@code 0102…14}. */
  @Override
  public String toString() {
    return Hex.encode(bytes());
  }
}
