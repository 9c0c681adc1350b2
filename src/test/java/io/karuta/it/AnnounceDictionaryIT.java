package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without {@code compact}, peers are dictionaries (BEP 3); {@code no_peer_id} is honoured. */
class AnnounceDictionaryIT extends DeployedTracker {

  @Test
  void peersAreDictionariesWithIdAddressAndPort() {
    Announce announce = Announce.fresh().peer(7, 6999).dictionaryPeers();
    Map<String, Object> dict = ipv4().announce(announce).dict();
    List<?> peers = (List<?>) dict.get("peers");
    assertEquals(1, peers.size());
    Map<?, ?> peer = (Map<?, ?>) peers.get(0);
    assertEquals(List.of("ip", "peer id", "port"), List.copyOf(peer.keySet()));
    assertEquals("127.0.0.1", new String((byte[]) peer.get("ip"), StandardCharsets.US_ASCII));
    assertEquals(
        announce.peerId(), new String((byte[]) peer.get("peer id"), StandardCharsets.ISO_8859_1));
    assertEquals(6999L, peer.get("port"));
  }

  @Test
  void noPeerIdLeavesTheIdOut() {
    Announce announce = Announce.fresh().peer(7, 6999).dictionaryPeers().with("&no_peer_id=1");
    Map<?, ?> peer = (Map<?, ?>) ((List<?>) ipv4().announce(announce).dict().get("peers")).get(0);
    assertEquals(List.of("ip", "port"), List.copyOf(peer.keySet()));
    assertFalse(peer.containsKey("peer id"));
  }
}
