package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * An announce whose {@code Host} header is an IPv6 literal without the brackets RFC 3986 §3.2.2
 * requires, as libtorrent 2.0.8 sends it for {@code http://[::1]:port/announce}, gets the tracker's
 * normal reply on Payara Micro, and so do well-formed hosts. Without the fix Payara answers such a
 * request with an empty HTTP 200.
 */
class BareIpv6HostIT extends DeployedTracker {
  private static final int PORT = Integer.getInteger("karuta.it.port", 16969);

  @Test
  void bareIpv6HostsGetTheNormalAnnounceReply() {
    assertAnsweredWithHosts(
        "::1:" + PORT,
        "::1",
        "0:0:0:0:0:0:0:1:" + PORT,
        // Valid with and without the last group: the connection's port makes it the port.
        "2001:db8::1:" + PORT);
  }

  @Test
  void wellFormedHostsStillGetIt() {
    assertAnsweredWithHosts("[::1]:" + PORT, "[::1]", "localhost:" + PORT, "127.0.0.1:" + PORT);
  }

  @Test
  void aScrapeWithABareIpv6HostIsAnswered() {
    Announce announce = Announce.fresh();
    TrackerClient.Reply reply =
        ipv6().rawGet("/scrape?info_hash=" + TrackerClient.escape(announce.infoHash()), "::1");
    assertEquals(200, reply.status());
    assertTrue(reply.text().startsWith("d5:filesd20:"), reply.text());
  }

  private static void assertAnsweredWithHosts(String... hosts) {
    List<Executable> checks = new ArrayList<>();
    for (String host : hosts) {
      checks.add(() -> assertAnnounceReply(host));
    }
    assertAll(checks);
  }

  private static void assertAnnounceReply(String host) {
    TrackerClient.Reply reply = ipv6().rawGet("/announce?" + Announce.fresh().query(), host);
    assertEquals(200, reply.status(), host);
    assertTrue(reply.contentType().startsWith("text/plain"), host + ": " + reply.contentType());
    assertTrue(reply.text().startsWith("d8:complete"), host + ": " + reply.text());
    Map<String, Object> dict = reply.dict();
    assertNull(dict.get("failure reason"), host);
    assertEquals(
        List.of("complete", "incomplete", "interval", "min interval", "peers", "peers6"),
        List.copyOf(dict.keySet()),
        host);
    assertEquals(1L, dict.get("incomplete"), host + ": the announcer, a leecher");
  }
}
