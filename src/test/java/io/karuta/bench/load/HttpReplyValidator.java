package io.karuta.bench.load;

import io.karuta.bittorrent.bencode.BencodeException;
import io.karuta.bittorrent.bencode.BencodeReader;
import java.util.Map;

/**
 * Checks a complete HTTP tracker reply (status and body) against the request it answers, decoding
 * the body with Karuta's strict {@link BencodeReader}, so a non-canonical body is invalid too.
 * Thread-safe.
 */
final class HttpReplyValidator {
  private static final String UNSORTED = "unsorted dictionary keys";

  private final int numWant;

  /**
   * @param numWant the most peers an announce reply may carry
   */
  HttpReplyValidator(int numWant) {
    this.numWant = numWant;
  }

  /**
   * An announce reply: status 200; a dictionary; no {@code failure reason}; an integer {@code
   * interval} above 0; compact {@code peers} (6 bytes each) and/or {@code peers6} (18 bytes each),
   * at least one present, at most {@code numWant} peers in all.
   */
  Verdict checkAnnounce(int status, byte[] body, int length) {
    Object decoded = decode(status, body, length);
    if (decoded instanceof Verdict v) {
      return v;
    }
    Map<?, ?> reply = (Map<?, ?>) decoded;
    if (!(reply.get("interval") instanceof Long interval) || interval <= 0) {
      return Verdict.INTERVAL;
    }
    Object peers = reply.get("peers");
    Object peers6 = reply.get("peers6");
    if ((peers == null && peers6 == null) || !compact(peers, 6) || !compact(peers6, 18)) {
      return Verdict.PEERS;
    }
    int count = (peers == null ? 0 : ((byte[]) peers).length / 6);
    count += peers6 == null ? 0 : ((byte[]) peers6).length / 18;
    return count > numWant ? Verdict.TOO_MANY_PEERS : Verdict.VALID;
  }

  /**
   * A scrape reply: status 200; a dictionary; no {@code failure reason}; {@code files} holding
   * exactly the {@code count} distinct hashes of {@code asked} (as ISO-8859-1 strings), each with
   * integer {@code complete}, {@code incomplete} and {@code downloaded} of 0 or more.
   */
  Verdict checkScrape(int status, byte[] body, int length, String[] asked, int count) {
    Object decoded = decode(status, body, length);
    if (decoded instanceof Verdict v) {
      return v;
    }
    if (!(((Map<?, ?>) decoded).get("files") instanceof Map<?, ?> files) || files.size() != count) {
      return Verdict.SCRAPE_FILES;
    }
    for (int i = 0; i < count; i++) {
      Object entry = files.get(asked[i]);
      if (entry == null) {
        return Verdict.SCRAPE_FILES;
      }
      if (!(entry instanceof Map<?, ?> counts)
          || !count(counts, "complete")
          || !count(counts, "incomplete")
          || !count(counts, "downloaded")) {
        return Verdict.SCRAPE_ENTRY;
      }
    }
    return Verdict.VALID;
  }

  /** The decoded dictionary, or the verdict that stops the check. */
  private static Object decode(int status, byte[] body, int length) {
    if (status != 200) {
      return Verdict.STATUS;
    }
    Object value;
    try {
      value = BencodeReader.decode(body, 0, length);
    } catch (BencodeException e) {
      // Told apart because a known tracker (opentracker) sends scrape files in request order.
      return e.getMessage().contains(UNSORTED) ? Verdict.UNSORTED_KEYS : Verdict.NOT_BENCODE;
    }
    if (!(value instanceof Map<?, ?> dict)) {
      return Verdict.NOT_DICT;
    }
    return dict.containsKey("failure reason") ? Verdict.FAILURE_REASON : dict;
  }

  private static boolean compact(Object peers, int stride) {
    return peers == null || (peers instanceof byte[] b && b.length % stride == 0);
  }

  private static boolean count(Map<?, ?> counts, String key) {
    return counts.get(key) instanceof Long n && n >= 0;
  }
}
