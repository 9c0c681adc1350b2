package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A compact IPv4 announce (BEP 23): canonical bencode, intervals, counts, 6-byte peers. */
class AnnounceCompactIT extends DeployedTracker {

  @Test
  void aFirstAnnounceGetsTheIntervalsAndItselfAsThePeer() {
    TrackerClient.Reply reply = ipv4().announce(Announce.fresh().peer(1, 51413));
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
    Map<String, Object> dict = reply.dict();
    assertEquals(
        List.of("complete", "incomplete", "interval", "min interval", "peers"),
        List.copyOf(dict.keySet()),
        "sorted keys, IPv4 requester: no peers6");
    assertEquals(1800L, dict.get("interval"));
    assertEquals(900L, dict.get("min interval"));
    assertEquals(0L, dict.get("complete"));
    assertEquals(1L, dict.get("incomplete"), "alone in the swarm: itself, counted");
    assertArrayEquals(
        new byte[] {127, 0, 0, 1, (byte) 0xC8, (byte) 0xD5},
        (byte[]) dict.get("peers"),
        "127.0.0.1:51413");
  }

  @Test
  void numwantZeroStillCountsButListsOnlyItself() {
    Announce announce = Announce.fresh().peer(1, 6881).left(0);
    Map<String, Object> dict = ipv4().announce(announce.with("&numwant=0")).dict();
    assertEquals(1L, dict.get("complete"));
    assertEquals(List.of("127.0.0.1:6881"), Swarms.compactPeers((byte[]) dict.get("peers"), 6));
    assertFalse(dict.containsKey("peers6"));
  }
}
