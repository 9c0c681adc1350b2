package io.karuta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.AnnounceReply;
import io.karuta.cli.client.TrackerPeer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplyTextTest {
  static final URI URL = URI.create("http://127.0.0.1:6969/announce");
  static final InfoHash HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
  static final PeerId ME = PeerId.of("-KC0001-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
  static final PeerId BINARY = PeerId.of(new byte[20]);

  static final AnnounceReply REPLY =
      new AnnounceReply(
          Duration.ofMinutes(30),
          Optional.of(Duration.ofMinutes(15)),
          OptionalLong.of(1),
          OptionalLong.of(2),
          List.of(
              new TrackerPeer("127.0.0.1", 6881, Optional.empty()),
              new TrackerPeer("::1", 6882, Optional.of(BINARY))),
          Optional.of("slow\u0007 down"));

  @Test
  void anAnnounceReplyIsOneFieldPerLineAndOnePeerPerLine() {
    assertEquals(
        String.join(
            "\n",
            "tracker       http://127.0.0.1:6969/announce",
            "info_hash     0102030405060708090a0b0c0d0e0f1011121314",
            "peer_id       -KC0001-abcdefghijkl",
            "interval      1800 s",
            "min interval  900 s",
            "complete      1 (seeders)",
            "incomplete    2 (leechers)",
            "warning       slow? down",
            "peers         2",
            "  127.0.0.1:6881",
            "  [::1]:6882  peer id 0000000000000000000000000000000000000000",
            ""),
        ReplyText.announce(URL, HASH, ME, REPLY));
  }

  @Test
  void fieldsTheTrackerLeftOutAreLeftOut() {
    AnnounceReply bare =
        new AnnounceReply(
            Duration.ofSeconds(60),
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            List.of(),
            Optional.empty());

    assertEquals(
        String.join(
            "\n",
            "tracker       http://127.0.0.1:6969/announce",
            "info_hash     0102030405060708090a0b0c0d0e0f1011121314",
            "peer_id       0000000000000000000000000000000000000000",
            "interval      60 s",
            "peers         0",
            ""),
        ReplyText.announce(URL, HASH, BINARY, bare));
  }

  @Test
  void aRefusalAndAScrape() {
    assertEquals(
        String.join(
            "\n",
            "tracker       http://127.0.0.1:6969/announce",
            "info_hash     0102030405060708090a0b0c0d0e0f1011121314",
            "peer_id       -KC0001-abcdefghijkl",
            "failure       unregistered torrent",
            ""),
        ReplyText.refusal(URL, HASH, ME, "unregistered torrent"));
    assertEquals(
        String.join(
            "\n",
            "tracker       http://127.0.0.1:6969/announce",
            "0102030405060708090a0b0c0d0e0f1011121314  complete 1  incomplete 2  downloaded 3",
            ""),
        ReplyText.scrape(URL, List.of(new Scrape(HASH, 1, 2, 3))));
  }
}
