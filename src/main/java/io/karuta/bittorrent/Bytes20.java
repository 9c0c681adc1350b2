package io.karuta.bittorrent;

/** Packs and unpacks the 20-byte identifiers of BitTorrent into two longs and an int. */
final class Bytes20 {
  static final int LENGTH = 20;

  private Bytes20() {}

  static void checkLength(byte[] bytes, String what) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          what + " must be exactly 20 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
  }

  static long long0(byte[] b, int off) {
    return readLong(b, off);
  }

  static long long1(byte[] b, int off) {
    return readLong(b, off + 8);
  }

  static int int2(byte[] b, int off) {
    return (b[off + 16] & 0xFF) << 24
        | (b[off + 17] & 0xFF) << 16
        | (b[off + 18] & 0xFF) << 8
        | (b[off + 19] & 0xFF);
  }

  static long readLong(byte[] b, int off) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = value << 8 | (b[off + i] & 0xFF);
    }
    return value;
  }

  static void write(long high, long middle, int low, byte[] dst, int off) {
    writeLong(high, dst, off);
    writeLong(middle, dst, off + 8);
    dst[off + 16] = (byte) (low >>> 24);
    dst[off + 17] = (byte) (low >>> 16);
    dst[off + 18] = (byte) (low >>> 8);
    dst[off + 19] = (byte) low;
  }

  static void writeLong(long value, byte[] dst, int off) {
    for (int i = 7; i >= 0; i--) {
      dst[off + i] = (byte) value;
      value >>>= 8;
    }
  }

  static byte[] toBytes(long high, long middle, int low) {
    byte[] out = new byte[LENGTH];
    write(high, middle, low, out, 0);
    return out;
  }
}
