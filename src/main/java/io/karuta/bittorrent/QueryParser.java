package io.karuta.bittorrent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw tracker query string into {@link Params}, byte-exact.
 *
 * <p>Framework parameter maps ({@code getParameter}, {@code @QueryParam}) decode values as UTF-8
 * text and corrupt the binary {@code info_hash} and {@code peer_id}, so the frontends hand the raw
 * query here. The rules (chihaya's, except for {@code +}):
 *
 * <ul>
 *   <li>Pairs are separated by {@code &} or {@code ;}; empty pairs are skipped; a pair without
 *       {@code =} has the value {@code ""}.
 *   <li>Keys and values are percent-decoded to bytes; upper- and lower-case hex digits both work,
 *       and a malformed escape fails with {@link ClientError#INVALID_QUERY_ESCAPE}.
 *   <li>A raw {@code +} is the byte 0x2B inside {@code info_hash} and {@code peer_id} (binary
 *       values that some clients leave unescaped), and a space everywhere else.
 *   <li>Keys are lower-cased. Every {@code info_hash} value is kept, in order, and must be 20 bytes
 *       ({@link ClientError#INVALID_INFOHASH}); for other keys the last value wins.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class QueryParser {
  private static final String INFO_HASH = "info_hash";
  private static final String PEER_ID = "peer_id";

  private QueryParser() {}

  /**
   * Parses a raw request URI, {@code path?query}; everything before the first {@code ?} is the
   * path.
   *
   * @throws ClientError on a malformed escape or an info-hash that is not 20 bytes
   */
  public static Params parseUri(String rawUri) {
    int question = rawUri.indexOf('?');
    if (question < 0) {
      return new Params(rawUri, Map.of(), List.of(), Map.of());
    }
    return parse(rawUri.substring(0, question), rawUri, question + 1);
  }

  /**
   * Parses the raw query string (without the {@code ?}) of a request whose raw path is {@code
   * path}.
   *
   * @param rawQuery the query as received, or {@code null} when the request had none
   * @throws ClientError on a malformed escape or an info-hash that is not 20 bytes
   */
  public static Params parseQuery(String path, String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new Params(path, Map.of(), List.of(), Map.of());
    }
    return parse(path, rawQuery, 0);
  }

  /**
   * Percent-decodes one raw path segment, such as a route parameter ({@link Params#routeParam}), to
   * text with one character per byte (ISO-8859-1), as {@link Params#get} returns query values. A
   * {@code +} stays a {@code +}, as in any path.
   *
   * @throws ClientError {@link ClientError#INVALID_QUERY_ESCAPE} on a malformed escape
   */
  public static String decodePathSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    byte[] buffer = new byte[raw.length()];
    return latin1(buffer, decode(raw, 0, raw.length(), buffer, true));
  }

  private static Params parse(String path, String text, int from) {
    Map<String, String> values = new HashMap<>();
    List<InfoHash> infoHashes = List.of();
    byte[] buffer = new byte[text.length() - from];
    int start = from;
    int n = text.length();
    while (start <= n) {
      int end = start;
      int equals = -1;
      while (end < n) {
        char c = text.charAt(end);
        if (c == '&' || c == ';') {
          break;
        }
        if (c == '=' && equals < 0) {
          equals = end;
        }
        end++;
      }
      if (end > start) {
        int keyEnd = equals < 0 ? end : equals;
        int keyLength = decode(text, start, keyEnd, buffer, false);
        String key = lowerCase(buffer, keyLength);
        boolean binary = key.equals(INFO_HASH) || key.equals(PEER_ID);
        int valueLength = equals < 0 ? 0 : decode(text, equals + 1, end, buffer, binary);
        if (key.equals(INFO_HASH)) {
          if (valueLength != InfoHash.LENGTH) {
            throw ClientError.INVALID_INFOHASH;
          }
          if (infoHashes.isEmpty()) {
            infoHashes = new ArrayList<>(1);
          }
          infoHashes.add(InfoHash.of(buffer, 0));
        } else {
          values.put(key, latin1(buffer, valueLength));
        }
      }
      start = end + 1;
    }
    return new Params(
        path,
        Collections.unmodifiableMap(values),
        Collections.unmodifiableList(infoHashes),
        Map.of());
  }

  /** Percent-decodes {@code text[from, to)} into {@code out} and returns the number of bytes. */
  private static int decode(String text, int from, int to, byte[] out, boolean plusIsByte) {
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= to) {
          throw ClientError.INVALID_QUERY_ESCAPE;
        }
        int high = Hex.value(text.charAt(i + 1));
        int low = Hex.value(text.charAt(i + 2));
        if (high < 0 || low < 0) {
          throw ClientError.INVALID_QUERY_ESCAPE;
        }
        out[length++] = (byte) (high << 4 | low);
        i += 2;
      } else if (c == '+' && !plusIsByte) {
        out[length++] = ' ';
      } else if (c <= 0xFF) {
        out[length++] = (byte) c;
      } else {
        // A raw non-Latin-1 character can only come from a lenient container: keep it as '?', which
        // cannot form a valid 20-byte value by accident of encoding.
        out[length++] = '?';
      }
    }
    return length;
  }

  private static String lowerCase(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] >= 'A' && bytes[i] <= 'Z') {
        bytes[i] += 'a' - 'A';
      }
    }
    return latin1(bytes, length);
  }

  private static String latin1(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
