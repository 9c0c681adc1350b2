package io.karuta.cli;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.AnnounceReply;
import io.karuta.cli.client.TrackerPeer;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Decoded tracker replies as one line of JSON, for scripts ({@code --json}). Names follow BEP 3's
 * keys with underscores; binary values (info-hashes, peer IDs) are lowercase hex; a field the
 * tracker did not send is left out. Written with jackson-core's streaming generator.
 */
final class ReplyJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ReplyJson() {}

  /** An announce reply: {@code {"tracker":…,"info_hash":…,"interval":1800,…,"peers":[…]}}. */
  static String announce(URI tracker, InfoHash infoHash, PeerId peerId, AnnounceReply reply) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      head(json, tracker, infoHash, peerId);
      json.writeNumberProperty("interval", reply.interval().getSeconds());
      if (reply.minInterval().isPresent()) {
        json.writeNumberProperty("min_interval", reply.minInterval().get().getSeconds());
      }
      if (reply.complete().isPresent()) {
        json.writeNumberProperty("complete", reply.complete().getAsLong());
      }
      if (reply.incomplete().isPresent()) {
        json.writeNumberProperty("incomplete", reply.incomplete().getAsLong());
      }
      if (reply.warning().isPresent()) {
        json.writeStringProperty("warning_message", reply.warning().get());
      }
      json.writeName("peers");
      json.writeStartArray();
      for (TrackerPeer peer : reply.peers()) {
        json.writeStartObject();
        json.writeStringProperty("ip", peer.ip());
        json.writeNumberProperty("port", peer.port());
        if (peer.id().isPresent()) {
          json.writeStringProperty("peer_id", peer.id().get().toString());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return text.toString();
  }

  /** An announce the tracker refused: {@code {…,"failure_reason":"…"}}. */
  static String refusal(URI tracker, InfoHash infoHash, PeerId peerId, String reason) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      head(json, tracker, infoHash, peerId);
      json.writeStringProperty("failure_reason", reason);
      json.writeEndObject();
    }
    return text.toString();
  }

  /** A scrape reply: {@code {"tracker":…,"files":[{"info_hash":…,"complete":…,…}]}}. */
  static String scrape(URI tracker, List<Scrape> files) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringProperty("tracker", tracker.toString());
      json.writeName("files");
      json.writeStartArray();
      for (Scrape file : files) {
        json.writeStartObject();
        json.writeStringProperty("info_hash", file.infoHash().toString());
        json.writeNumberProperty("complete", file.complete());
        json.writeNumberProperty("incomplete", file.incomplete());
        json.writeNumberProperty("downloaded", file.downloaded());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return text.toString();
  }

  /** A scrape the tracker refused: {@code {"tracker":…,"failure_reason":"…"}}. */
  static String scrapeRefusal(URI tracker, String reason) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringProperty("tracker", tracker.toString());
      json.writeStringProperty("failure_reason", reason);
      json.writeEndObject();
    }
    return text.toString();
  }

  private static void head(JsonGenerator json, URI tracker, InfoHash infoHash, PeerId peerId) {
    json.writeStartObject();
    json.writeStringProperty("tracker", tracker.toString());
    json.writeStringProperty("info_hash", infoHash.toString());
    json.writeStringProperty("peer_id", peerId.toString());
  }
}
