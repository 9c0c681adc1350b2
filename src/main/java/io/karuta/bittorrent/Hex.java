package io.karuta.bittorrent;

/** Lowercase hexadecimal encoding and decoding of byte arrays. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Returns the lowercase hexadecimal form of {@code bytes}. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * Decodes hexadecimal text (either case) into bytes.
   *
   * @throws IllegalArgumentException if the length is odd or a character is not a hex digit
   */
  public static byte[] decode(CharSequence hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
    }
    return out;
  }

  /**
   * Returns the value of the ASCII hex digit {@code c} (either case), or -1. Unlike {@link
   * Character#digit(char, int)}, other Unicode digits and fullwidth letters are not digits here.
   */
  static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static int digit(char c) {
    int value = value(c);
    if (value < 0) {
      throw new IllegalArgumentException("not a hex digit: '" + c + "'");
    }
    return value;
  }
}
