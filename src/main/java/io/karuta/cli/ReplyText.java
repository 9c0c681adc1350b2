package io.karuta.cli;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.AnnounceReply;
import io.karuta.cli.client.TrackerException;
import io.karuta.cli.client.TrackerPeer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Decoded tracker replies as text for people: one {@code name value} line per field. */
final class ReplyText {
  private static final String FORMAT = "%-13s %s%n";

  private ReplyText() {}

  /** An announce reply, with what was announced. */
  static String announce(URI tracker, InfoHash infoHash, PeerId peerId, AnnounceReply reply) {
    StringBuilder out = head(tracker, infoHash, peerId);
    line(out, "interval", seconds(reply.interval()));
    reply.minInterval().ifPresent(min -> line(out, "min interval", seconds(min)));
    reply.complete().ifPresent(n -> line(out, "complete", n + " (seeders)"));
    reply.incomplete().ifPresent(n -> line(out, "incomplete", n + " (leechers)"));
    reply.warning().ifPresent(w -> line(out, "warning", TrackerException.printable(w)));
    line(out, "peers", String.valueOf(reply.peers().size()));
    for (TrackerPeer peer : reply.peers()) {
      out.append("  ").append(TrackerException.printable(peer.endpoint()));
      peer.id().ifPresent(id -> out.append("  peer id ").append(peerId(id)));
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  /** An announce the tracker refused. */
  static String refusal(URI tracker, InfoHash infoHash, PeerId peerId, String reason) {
    StringBuilder out = head(tracker, infoHash, peerId);
    line(out, "failure", TrackerException.printable(reason));
    return out.toString();
  }

  /** A scrape reply: one line per torrent. */
  static String scrape(URI tracker, List<Scrape> files) {
    StringBuilder out = new StringBuilder();
    line(out, "tracker", tracker.toString());
    for (Scrape file : files) {
      out.append(
          String.format(
              "%s  complete %d  incomplete %d  downloaded %d%n",
              file.infoHash(), file.complete(), file.incomplete(), file.downloaded()));
    }
    return out.toString();
  }

  /** A scrape the tracker refused. */
  static String scrapeRefusal(URI tracker, String reason) {
    StringBuilder out = new StringBuilder();
    line(out, "tracker", tracker.toString());
    line(out, "failure", TrackerException.printable(reason));
    return out.toString();
  }

  /**
   * A peer ID as text when it is printable ASCII (most clients' IDs, such as {@code -qB4650-…}),
   * else as hex.
   */
  static String peerId(PeerId id) {
    byte[] bytes = id.bytes();
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7E) {
        return id.toString();
      }
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static StringBuilder head(URI tracker, InfoHash infoHash, PeerId peerId) {
    StringBuilder out = new StringBuilder();
    line(out, "tracker", tracker.toString());
    line(out, "info_hash", infoHash.toString());
    line(out, "peer_id", peerId(peerId));
    return out;
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format(FORMAT, name, value));
  }

  private static String seconds(Duration duration) {
    return duration.getSeconds() + " s";
  }
}
