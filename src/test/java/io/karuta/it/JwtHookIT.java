package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.middleware.auth.JwksServer;
import io.karuta.middleware.auth.Tokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code jwt} pre-hook on a deployed Karuta: one Payara Micro JVM ({@code
 * target/karuta-micro.jar}, memory store) that fetches its JWK set from a server in this test, over
 * loopback. A token granting the announced torrent is answered over HTTP (query) and UDP (BEP 41
 * URL data, split over several options); a missing token, one for another torrent, an expired one
 * and one signed by an unknown key get the fixed texts.
 */
class JwtHookIT {
  private static final Duration STARTUP = Duration.ofSeconds(150);
  private static final String MISSING = "unapproved request: missing jwt";
  private static final String INVALID = "unapproved request: invalid jwt";
  private static final String PEER = "-KR0001-000000000001";

  private static JwksServer jwks;
  private static KarutaProcess tracker;

  @RegisterExtension
  static final LogsOnFailure LOGS = new LogsOnFailure("JwtHookIT", () -> "tracker: " + tracker);

  @BeforeAll
  static void start() throws Exception {
    jwks = new JwksServer().serve(List.of(Tokens.RSA));
    tracker =
        KarutaProcess.launch(
            "jwt-hook",
            "karuta:\n"
                + "  prehooks:\n"
                + "    - name: jwt\n"
                + "      options:\n"
                + "        issuer: "
                + Tokens.ISSUER
                + "\n        audience: "
                + Tokens.AUDIENCE
                + "\n        jwk_set_url: "
                + jwks.url()
                + "\n        jwk_set_update_interval: 10s\n");
    tracker.awaitReady(STARTUP);
  }

  @AfterAll
  static void stop() throws Exception {
    if (tracker != null) {
      tracker.stop();
    }
    if (jwks != null) {
      jwks.close();
    }
  }

  @Test
  void aTokenGrantingTheTorrentAnnouncesOverHttpAndOthersGetTheFixedTexts() {
    byte[] torrent = HexFormat.of().parseHex(Tokens.TORRENT.toString());
    byte[] other = HexFormat.of().parseHex(Tokens.OTHER_TORRENT.toString());
    TrackerClient.Reply ok = httpAnnounce(torrent, "&jwt=" + Tokens.rs256());
    assertEquals(null, ok.failure(), ok.text());
    assertTrue(ok.dict().get("peers") instanceof byte[], ok.text());
    assertEquals(MISSING, httpAnnounce(torrent, "").failure());
    assertEquals(INVALID, httpAnnounce(other, "&jwt=" + Tokens.rs256()).failure());
    assertEquals(INVALID, httpAnnounce(torrent, "&jwt=" + expired()).failure());
    assertEquals(INVALID, httpAnnounce(torrent, "&jwt=" + Tokens.es256()).failure(), "unknown kid");
    assertTrue(jwks.requests() >= 1, "the tracker fetched the JWK set");
  }

  @Test
  void aTokenInUrlDataAnnouncesOverUdpAndOthersGetTheFixedTexts() {
    byte[] torrent = HexFormat.of().parseHex(Tokens.TORRENT.toString());
    byte[] other = HexFormat.of().parseHex(Tokens.OTHER_TORRENT.toString());
    String token = Tokens.rs256();
    assertTrue(token.length() > 255, "the token needs several URL data options");
    assertEquals(1, ByteBuffer.wrap(udpAnnounce(torrent, "?jwt=" + token)).getInt(0));
    assertEquals(MISSING, udpError(torrent, ""));
    assertEquals(INVALID, udpError(other, "?jwt=" + token));
    assertEquals(INVALID, udpError(torrent, "?jwt=" + expired()));
    assertFalse(tracker.log().contains("[SEVERE]"), "no error logged; " + tracker);
  }

  /** A token that expired ten minutes ago, beyond the default 30 s clock skew. */
  private static String expired() {
    return Tokens.rs256(claims -> claims.expirationTime(Tokens.at(Duration.ofMinutes(-10))));
  }

  private static TrackerClient.Reply httpAnnounce(byte[] infoHash, String extra) {
    return tracker
        .http()
        .get(
            "/announce?info_hash="
                + TrackerClient.escape(infoHash)
                + "&peer_id="
                + TrackerClient.escape(PEER.getBytes(StandardCharsets.ISO_8859_1))
                + "&port=6881&uploaded=0&downloaded=0&left=1000&compact=1"
                + extra);
  }

  private static byte[] udpAnnounce(byte[] infoHash, String query) {
    return udpExchange(infoHash, query, 7);
  }

  private static String udpError(byte[] infoHash, String query) {
    return UdpTrackerClient.errorText(udpExchange(infoHash, query, 8), 8);
  }

  private static byte[] udpExchange(byte[] infoHash, String query, int transaction) {
    UdpTrackerClient udp = tracker.udp();
    byte[] reply =
        udp.exchange(
            UdpTrackerClient.announce(
                udp.connect(),
                transaction,
                infoHash,
                PEER,
                1000,
                2,
                10,
                6881,
                UdpTrackerClient.urlData("/announce" + query)));
    assertEquals(transaction, ByteBuffer.wrap(reply).getInt(4), "transaction ID echoed");
    return reply;
  }
}
