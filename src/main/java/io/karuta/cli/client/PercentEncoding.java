package io.karuta.cli.client;

/**
 * Percent-encoding of binary query values such as {@code info_hash} and {@code peer_id} (BEP 3):
 * each byte that is an RFC 3986 unreserved character ({@code A-Z a-z 0-9 - . _ ~}) stays as it is,
 * every other byte becomes {@code %XX}. Byte for byte, with no character set in between, so any of
 * the 256 byte values survives.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Returns the percent-encoded form of {@code bytes}. */
  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (unreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
