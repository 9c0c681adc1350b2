package io.karuta.cli;

import static io.karuta.cli.ReplyTextTest.HASH;
import static io.karuta.cli.ReplyTextTest.ME;
import static io.karuta.cli.ReplyTextTest.REPLY;
import static io.karuta.cli.ReplyTextTest.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.AnnounceReply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The JSON output, read back with JSON-P (Parsson), a parser other than the writer's. */
class ReplyJsonTest {
  @Test
  void anAnnounceReplyHasEveryFieldWithItsType() {
    String text = ReplyJson.announce(URL, HASH, ME, REPLY);
    JsonObject json = parse(text);

    assertFalse(text.contains("\n"), "one line");
    assertEquals(URL.toString(), json.getString("tracker"));
    assertEquals(HASH.toString(), json.getString("info_hash"));
    assertEquals(ME.toString(), json.getString("peer_id"));
    assertEquals(1800, json.getInt("interval"));
    assertEquals(900, json.getInt("min_interval"));
    assertEquals(1, json.getInt("complete"));
    assertEquals(2, json.getInt("incomplete"));
    assertEquals("slow\u0007 down", json.getString("warning_message"), "escaped, not cleaned");
    JsonArray peers = json.getJsonArray("peers");
    assertEquals(2, peers.size());
    assertEquals("127.0.0.1", peers.getJsonObject(0).getString("ip"));
    assertEquals(6881, peers.getJsonObject(0).getInt("port"));
    assertFalse(peers.getJsonObject(0).containsKey("peer_id"));
    assertEquals("::1", peers.getJsonObject(1).getString("ip"));
    assertEquals("0".repeat(40), peers.getJsonObject(1).getString("peer_id"));
  }

  @Test
  void fieldsTheTrackerLeftOutAreAbsent() {
    AnnounceReply bare =
        new AnnounceReply(
            Duration.ofSeconds(60),
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            List.of(),
            Optional.empty());

    JsonObject json = parse(ReplyJson.announce(URL, HASH, ME, bare));

    for (String absent : List.of("min_interval", "complete", "incomplete", "warning_message")) {
      assertFalse(json.containsKey(absent), absent);
    }
    assertEquals(0, json.getJsonArray("peers").size());
  }

  @Test
  void aRefusalKeepsTheTrackersTextExactly() {
    String reason = "quote \" backslash \\ newline \n end";

    JsonObject json = parse(ReplyJson.refusal(URL, HASH, ME, reason));

    assertEquals(reason, json.getString("failure_reason"));
    assertFalse(json.containsKey("interval"));
  }

  @Test
  void aScrapeListsEveryTorrent() {
    JsonObject json = parse(ReplyJson.scrape(URL, List.of(new Scrape(HASH, 1, 2, 3))));

    JsonObject file = json.getJsonArray("files").getJsonObject(0);
    assertEquals(HASH.toString(), file.getString("info_hash"));
    assertEquals(1, file.getInt("complete"));
    assertEquals(2, file.getInt("incomplete"));
    assertEquals(3, file.getInt("downloaded"));
    assertEquals("x", parse(ReplyJson.scrapeRefusal(URL, "x")).getString("failure_reason"));
  }

  private static JsonObject parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
