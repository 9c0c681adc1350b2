package io.karuta.frontend.udp;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.QueryParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the BEP 41 options that follow the fixed fields of a UDP announce and parses their URL data
 * like an HTTP request URI, so hooks see a passkey or a JWT over UDP as over HTTP.
 *
 * <ul>
 *   <li>{@code 0x00} ends the options; whatever follows is ignored.
 *   <li>{@code 0x01} is a one-byte NOP.
 *   <li>{@code 0x02} is URL data: a length byte, then that many bytes; several are concatenated.
 *   <li>Every other type has a length byte too and is skipped, as BEP 41 intends so that the
 *       extension can grow (chihaya rejects them).
 *   <li>A type without its length byte, or a length that runs past the end, fails with {@link
 *       UdpErrors#MALFORMED_PACKET}. Running out of bytes after a whole option ends the options.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class UrlData {
  private static final int END_OF_OPTIONS = 0x00;
  private static final int NOP = 0x01;
  private static final int URL_DATA = 0x02;

  private UrlData() {}

  /**
   * Returns the parameters of the URL data in {@code in[from, end)}, parsed with {@link
   * QueryParser#parseUri(String)} as ISO-8859-1 text (one character per byte), or {@link
   * Params#empty()} when there is none.
   *
   * @throws ClientError {@link UdpErrors#MALFORMED_PACKET} for a truncated option, or the parser's
   *     error for a bad escape or an info-hash that is not 20 bytes
   */
  static Params parse(ByteBuffer in, int from, int end) {
    byte[] url = null;
    int length = 0;
    int at = from;
    while (at < end) {
      int type = in.get(at) & 0xFF;
      if (type == END_OF_OPTIONS) {
        break;
      }
      if (type == NOP) {
        at++;
        continue;
      }
      if (at + 1 >= end) {
        throw UdpErrors.MALFORMED_PACKET;
      }
      int size = in.get(at + 1) & 0xFF;
      int data = at + 2;
      if (size > end - data) {
        throw UdpErrors.MALFORMED_PACKET;
      }
      if (type == URL_DATA && size > 0) {
        if (url == null) {
          // Every later piece lies after this one, so this holds the whole concatenation.
          url = new byte[end - data];
        }
        in.get(data, url, length, size);
        length += size;
      }
      at = data + size;
    }
    if (length == 0) {
      return Params.empty();
    }
    return QueryParser.parseUri(new String(url, 0, length, StandardCharsets.ISO_8859_1));
  }
}
