package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.bencode.BencodeException;
import io.karuta.bittorrent.bencode.BencodeReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads HTTP tracker replies: the body is decoded with Karuta's strict bencode reader, so a reply
 * that is not canonical bencode (BEP 3: sorted keys, no leading zeros) is reported as such.
 *
 * <p>A {@code failure reason} is the tracker's refusal, whatever the HTTP status (Karuta answers
 * unknown paths with 404 and one). Any other status, or a body that is not a bencoded dictionary,
 * is not a tracker reply. Peers may come compact (BEP 23, 6 bytes each), as a list of dictionaries
 * ({@code ip}, {@code port}, optional {@code peer id}), and compact IPv6 in {@code peers6} (BEP 7,
 * 18 bytes each).
 */
final class HttpReplies {
  private HttpReplies() {}

  /** Reads an announce reply. */
  static AnnounceReply announce(int status, String contentType, byte[] body)
      throws TrackerException {
    Map<String, Object> dict = dictionary(status, contentType, body);
    long interval =
        integer(dict, "interval")
            .orElseThrow(() -> TrackerException.notATracker("no interval in the reply"));
    if (interval < 0) {
      throw TrackerException.notATracker("negative interval");
    }
    OptionalLong minInterval = integer(dict, "min interval");
    List<TrackerPeer> peers = new ArrayList<>();
    Object v4 = dict.get("peers");
    if (v4 instanceof byte[] compact) {
      compactPeers(compact, 4, "peers", peers);
    } else if (v4 instanceof List<?> list) {
      dictionaryPeers(list, peers);
    } else if (v4 != null) {
      throw TrackerException.notATracker("peers is neither a string nor a list");
    }
    Object v6 = dict.get("peers6");
    if (v6 instanceof byte[] compact) {
      compactPeers(compact, 16, "peers6", peers);
    } else if (v6 != null) {
      throw TrackerException.notATracker("peers6 is not a string");
    }
    return new AnnounceReply(
        Duration.ofSeconds(interval),
        minInterval.isPresent()
            ? Optional.of(Duration.ofSeconds(minInterval.getAsLong()))
            : Optional.empty(),
        count(dict, "complete"),
        count(dict, "incomplete"),
        peers,
        text(dict, "warning message"));
  }

  /** Reads a scrape reply for {@code requested}, in that order. */
  static List<Scrape> scrape(int status, String contentType, byte[] body, List<InfoHash> requested)
      throws TrackerException {
    Map<String, Object> dict = dictionary(status, contentType, body);
    if (!(dict.get("files") instanceof Map<?, ?> files)) {
      throw TrackerException.notATracker("no files in the scrape reply");
    }
    Map<InfoHash, Scrape> byHash = new HashMap<>();
    for (Map.Entry<?, ?> file : files.entrySet()) {
      byte[] key = ((String) file.getKey()).getBytes(StandardCharsets.ISO_8859_1);
      if (key.length != InfoHash.LENGTH || !(file.getValue() instanceof Map<?, ?> counts)) {
        throw TrackerException.notATracker("a files entry is not a 20-byte hash and a dictionary");
      }
      InfoHash infoHash = InfoHash.of(key);
      byHash.put(
          infoHash,
          new Scrape(
              infoHash,
              requiredCount(counts, "complete"),
              requiredCount(counts, "incomplete"),
              (int) count(counts, "downloaded").orElse(0)));
    }
    List<Scrape> out = new ArrayList<>(requested.size());
    for (InfoHash infoHash : requested) {
      out.add(byHash.getOrDefault(infoHash, Scrape.empty(infoHash)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dictionary(int status, String contentType, byte[] body)
      throws TrackerException {
    Object value;
    try {
      value = BencodeReader.decode(body);
    } catch (BencodeException e) {
      throw TrackerException.notATracker(
          status == 200
              ? "HTTP 200" + type(contentType) + ", not bencode: " + e.getMessage()
              : "HTTP " + status + type(contentType));
    }
    if (!(value instanceof Map<?, ?>)) {
      throw TrackerException.notATracker("HTTP " + status + ", bencode but not a dictionary");
    }
    Map<String, Object> dict = (Map<String, Object>) value;
    Optional<String> failure = text(dict, "failure reason");
    if (failure.isPresent()) {
      throw status == 200
          ? TrackerException.refused(failure.get())
          : TrackerException.refused(failure.get(), "HTTP " + status);
    }
    if (status != 200) {
      throw TrackerException.notATracker("HTTP " + status + type(contentType));
    }
    return dict;
  }

  private static String type(String contentType) {
    return contentType.isEmpty() ? "" : ", " + TrackerException.printable(contentType);
  }

  private static void compactPeers(
      byte[] compact, int addressLength, String key, List<TrackerPeer> out)
      throws TrackerException {
    int stride = addressLength + 2;
    if (compact.length % stride != 0) {
      throw TrackerException.notATracker(key + " is not a multiple of " + stride + " bytes");
    }
    for (int at = 0; at < compact.length; at += stride) {
      IpAddress ip = IpAddress.of(Arrays.copyOfRange(compact, at, at + addressLength));
      int port = (compact[at + addressLength] & 0xFF) << 8 | compact[at + addressLength + 1] & 0xFF;
      out.add(new TrackerPeer(ip.toString(), port, Optional.empty()));
    }
  }

  private static void dictionaryPeers(List<?> list, List<TrackerPeer> out) throws TrackerException {
    for (Object element : list) {
      if (!(element instanceof Map<?, ?> peer)
          || !(peer.get("ip") instanceof byte[] ip)
          || !(peer.get("port") instanceof Long port)
          || port < 0
          || port > 0xFFFF) {
        throw TrackerException.notATracker("a peer lacks its ip or port");
      }
      Optional<PeerId> id =
          peer.get("peer id") instanceof byte[] bytes && bytes.length == PeerId.LENGTH
              ? Optional.of(PeerId.of(bytes))
              : Optional.empty();
      out.add(new TrackerPeer(new String(ip, StandardCharsets.UTF_8), port.intValue(), id));
    }
  }

  private static OptionalLong integer(Map<?, ?> dict, String key) throws TrackerException {
    Object value = dict.get(key);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (!(value instanceof Long number)) {
      throw TrackerException.notATracker(key + " is not an integer");
    }
    return OptionalLong.of(number);
  }

  private static OptionalLong count(Map<?, ?> dict, String key) throws TrackerException {
    OptionalLong value = integer(dict, key);
    if (value.isPresent() && (value.getAsLong() < 0 || value.getAsLong() > Integer.MAX_VALUE)) {
      throw TrackerException.notATracker(key + " is out of range");
    }
    return value;
  }

  private static int requiredCount(Map<?, ?> dict, String key) throws TrackerException {
    return (int)
        count(dict, key)
            .orElseThrow(() -> TrackerException.notATracker("a files entry has no " + key));
  }

  private static Optional<String> text(Map<?, ?> dict, String key) {
    return dict.get(key) instanceof byte[] bytes
        ? Optional.of(new String(bytes, StandardCharsets.UTF_8))
        : Optional.empty();
  }
}
