package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy: X-Forwarded-For is believed only from a trusted proxy (the test
 * configuration trusts [::1], not 127.0.0.1), and a chain is read from the right.
 */
class TrustedProxyIT extends DeployedTracker {
  private static final String XFF = "X-Forwarded-For";

  @Test
  void aTrustedProxyNamesTheClient() {
    Announce announce = Announce.fresh().peer(1, 60001).dictionaryPeers();
    assertEquals("203.0.113.7", firstPeerIp(ipv6().announce(announce, XFF, "203.0.113.7")));
  }

  @Test
  void anUntrustedSenderCannotChooseItsAddress() {
    Announce announce = Announce.fresh().peer(1, 60002).dictionaryPeers();
    assertEquals("127.0.0.1", firstPeerIp(ipv4().announce(announce, XFF, "203.0.113.7")));
  }

  @Test
  void aChainIsReadFromTheRightUpToTheFirstUntrustedHop() {
    Announce announce = Announce.fresh().peer(1, 60003).dictionaryPeers();
    // The left-most entry is whatever the client claimed; the proxy appended the real address.
    assertEquals(
        "198.51.100.4", firstPeerIp(ipv6().announce(announce, XFF, "10.9.9.9, 198.51.100.4, ::1")));
  }

  @Test
  void aTrustedProxyWithoutTheHeaderIsTheClient() {
    Announce announce = Announce.fresh().peer(1, 60004).dictionaryPeers();
    assertEquals("::1", firstPeerIp(ipv6().announce(announce)));
  }

  @Test
  void scrapesUseTheSameAddressRules() throws InterruptedException {
    Announce announce = Announce.fresh().peer(1, 60005);
    ipv6().announce(announce, XFF, "203.0.113.8");
    // The peer is in the IPv4 swarm although it came over IPv6 through the proxy.
    Swarms.awaitCounts(ipv4(), announce.infoHash(), 0, 0, 1);
    Map<?, ?> files =
        (Map<?, ?>)
            ipv6()
                .get(
                    "/scrape?info_hash=" + TrackerClient.escape(announce.infoHash()),
                    XFF,
                    "203.0.113.8")
                .dict()
                .get("files");
    assertEquals(
        1L,
        ((Map<?, ?>) files.get(new String(announce.infoHash(), StandardCharsets.ISO_8859_1)))
            .get("incomplete"));
  }

  private static String firstPeerIp(TrackerClient.Reply reply) {
    List<?> peers = (List<?>) reply.dict().get("peers");
    return new String((byte[]) ((Map<?, ?>) peers.get(0)).get("ip"), StandardCharsets.US_ASCII);
  }
}
