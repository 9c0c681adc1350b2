package io.karuta.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTTP/1.1 announce and scrape requests into a reused buffer, leaving it flipped. Every byte
 * of an info-hash or peer id is sent as {@code %XX}; those escapes are built once per torrent and
 * peer, so writing a request copies bytes and prints a few numbers, nothing more.
 */
final class HttpRequests {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final int ESCAPED = 60;

  private final Workload workload;
  private final byte[] hashes;
  private final byte[] peerIds;
  private final byte[] announcePrefix;
  private final byte[] scrapePrefix;
  private final byte[] tail;

  /**
   * @param hostHeader the {@code Host} header value
   * @param close whether each request asks the server to close the connection after replying
   */
  HttpRequests(
      Workload workload, String announcePath, String scrapePath, String hostHeader, boolean close) {
    this.workload = workload;
    this.hashes = escape(workload.hashes());
    this.peerIds = escape(workload.peerIds());
    this.announcePrefix = ascii("GET " + announcePath + "?info_hash=");
    this.scrapePrefix = ascii("GET " + scrapePath + "?info_hash=");
    this.tail =
        ascii(
            " HTTP/1.1\r\nHost: "
                + hostHeader
                + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n");
  }

  /** The largest request {@link #scrape} can write for {@code count} hashes, and any announce. */
  int maxLength(int count) {
    return scrapePrefix.length + count * (ESCAPED + 11) + tail.length + 256;
  }

  /** An announce by peer {@code p}; {@code started} adds {@code event=started}. */
  void announce(ByteBuffer out, int p, boolean started) {
    out.clear();
    out.put(announcePrefix);
    out.put(hashes, workload.torrentOf(p) * ESCAPED, ESCAPED);
    put(out, "&peer_id=");
    out.put(peerIds, p * ESCAPED, ESCAPED);
    put(out, "&port=");
    putDecimal(out, workload.portOf(p));
    put(out, "&uploaded=0&downloaded=0&left=");
    putDecimal(out, workload.leftOf(p));
    if (started) {
      put(out, "&event=started");
    }
    put(out, "&numwant=");
    putDecimal(out, workload.numWant);
    put(out, "&compact=1");
    out.put(tail);
    out.flip();
  }

  /** A scrape of {@code count} torrents from {@code start}. */
  void scrape(ByteBuffer out, int start, int count) {
    out.clear();
    out.put(scrapePrefix);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        put(out, "&info_hash=");
      }
      out.put(hashes, workload.scrapeTorrent(start, i) * ESCAPED, ESCAPED);
    }
    out.put(tail);
    out.flip();
  }

  /** {@code %XX} for every byte of {@code raw}. */
  static byte[] escape(byte[] raw) {
    byte[] out = new byte[raw.length * 3];
    for (int i = 0; i < raw.length; i++) {
      out[3 * i] = '%';
      out[3 * i + 1] = HEX[(raw[i] >> 4) & 0xF];
      out[3 * i + 2] = HEX[raw[i] & 0xF];
    }
    return out;
  }

  /** Writes {@code value} (not negative) in decimal without allocating. */
  static void putDecimal(ByteBuffer out, long value) {
    long divisor = 1;
    while (divisor <= value / 10) {
      divisor *= 10;
    }
    for (; divisor > 0; divisor /= 10) {
      out.put((byte) ('0' + (value / divisor) % 10));
    }
  }

  // Only called with literals, which the JVM interns; the loop reads chars, nothing is allocated.
  private static void put(ByteBuffer out, String literal) {
    for (int i = 0; i < literal.length(); i++) {
      out.put((byte) literal.charAt(i));
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
