package io.karuta.middleware.auth;

import static io.karuta.middleware.auth.Tokens.AUDIENCE;
import static io.karuta.middleware.auth.Tokens.EC;
import static io.karuta.middleware.auth.Tokens.ISSUER;
import static io.karuta.middleware.auth.Tokens.OTHER_TORRENT;
import static io.karuta.middleware.auth.Tokens.RSA;
import static io.karuta.middleware.auth.Tokens.TORRENT;
import static io.karuta.middleware.auth.Tokens.at;
import static io.karuta.middleware.auth.Tokens.claims;
import static io.karuta.middleware.auth.Tokens.rs256;
import static io.karuta.middleware.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.ConfigLookup;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.ScrapeContext;
import io.karuta.testing.LogCapture;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code jwt} hook as configured from YAML options, with its JWK set served over HTTP by a
 * local server: which tokens pass, and that every other one fails with chihaya's fixed texts.
 */
class JwtHookTest {
  private static final String PREFIX = "karuta.prehooks[0].options.";

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private JwksServer jwks;
  private JwtHook hook;

  @BeforeEach
  void serveKeys() throws IOException {
    jwks = new JwksServer().serve(List.of(RSA, EC));
  }

  @AfterEach
  void stop() {
    if (hook != null) {
      hook.stop();
    }
    scheduler.shutdownNow();
    jwks.close();
  }

  @Test
  void validRs256AndEs256TokensPass() {
    hook = hook();

    assertPasses(rs256());
    assertPasses(Tokens.es256());
  }

  @Test
  void theTokenMayComeFromUdpUrlData() {
    hook = hook();
    // What the UDP frontend builds from BEP 41 URL data.
    Params params = QueryParser.parseUri("/announce?jwt=" + rs256());

    assertDoesNotThrow(() -> hook.handleAnnounce(context(TORRENT, params)));
  }

  @Test
  void aMissingTokenFailsAsMissingAndAnEmptyOneAsInvalid() {
    hook = hook();

    ClientError missing =
        assertThrows(
            ClientError.class,
            () -> hook.handleAnnounce(context(TORRENT, QueryParser.parseQuery("/a", "key=1"))));
    assertSame(JwtHook.MISSING, missing);
    assertEquals("unapproved request: missing jwt", missing.getMessage());
    assertInvalid("");
  }

  @Test
  void expiredAndNotYetValidTokensFail() {
    hook = hook();

    assertInvalid(rs256(c -> c.expirationTime(at(Duration.ofMinutes(-5)))));
    assertInvalid(rs256(c -> c.notBeforeTime(at(Duration.ofMinutes(5)))));
  }

  @Test
  void theClockSkewForgivesASlightlyExpiredOrEarlyToken() {
    hook = hook();
    assertPasses(rs256(c -> c.expirationTime(at(Duration.ofSeconds(-10)))));
    assertPasses(rs256(c -> c.notBeforeTime(at(Duration.ofSeconds(10)))));
    hook.stop();

    hook = hook(PREFIX + "clock_skew", "0s");
    assertInvalid(rs256(c -> c.expirationTime(at(Duration.ofSeconds(-10)))));
    assertInvalid(rs256(c -> c.notBeforeTime(at(Duration.ofSeconds(10)))));
  }

  @Test
  void aTokenWithoutExpiryFails() {
    hook = hook();

    assertInvalid(rs256(c -> c.expirationTime(null)));
  }

  @Test
  void theAudienceMustBeAmongTheAudiences() {
    hook = hook();

    assertInvalid(rs256(c -> c.audience("another-tracker")));
    assertInvalid(rs256(c -> c.audience((String) null)));
    assertPasses(rs256(c -> c.audience(List.of("another-tracker", AUDIENCE))));
  }

  @Test
  void theIssuerMustMatch() {
    hook = hook();

    assertInvalid(rs256(c -> c.issuer("https://evil.example.org")));
    assertInvalid(rs256(c -> c.issuer(null)));
  }

  @Test
  void theInfoHashClaimMustBeTheAnnouncedHashInLowercaseHex() {
    hook = hook();

    assertInvalid(rs256(c -> c.claim("infohash", OTHER_TORRENT.toString())));
    assertInvalid(rs256(c -> c.claim("infohash", TORRENT.toString().toUpperCase())));
    assertInvalid(rs256(c -> c.claim("infohash", null)));
    assertInvalid(rs256(c -> c.claim("infohash", List.of(TORRENT.toString()))));
    ClientError error =
        assertThrows(ClientError.class, () -> hook.handleAnnounce(context(OTHER_TORRENT, rs256())));
    assertSame(JwtHook.INVALID, error, "a token for one torrent does not grant another");
  }

  @Test
  void theKidMustNameAKeyOfTheSet() {
    hook = hook();

    assertInvalid(sign(RSA, JWSAlgorithm.RS256, "rsa-unknown", claims().build()));
    assertInvalid(
        sign(
            Tokens.signer(RSA),
            new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
            claims().build()));
  }

  @Test
  void aBadSignatureFails() {
    hook = hook();
    RSAKey impostor = Tokens.rsa(RSA.getKeyID());

    assertInvalid(sign(impostor, JWSAlgorithm.RS256, RSA.getKeyID(), claims().build()));
    String[] parts = rs256().split("\\.");
    String otherPayload =
        Base64URL.encode(claims().claim("infohash", OTHER_TORRENT.toString()).build().toString())
            .toString();
    assertInvalid(parts[0] + "." + otherPayload + "." + parts[2]);
  }

  @Test
  void unsignedTokensFail() {
    hook = hook();
    String claims = Base64URL.encode(claims().build().toString()).toString();
    String noneWithKid = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"rsa-1\"}").toString();

    assertInvalid(new PlainJWT(claims().build()).serialize());
    assertInvalid(noneWithKid + "." + claims + ".");
    assertInvalid(noneWithKid + "." + claims + "." + rs256().split("\\.")[2]);
  }

  @Test
  void hmacWithThePublicKeyAsSecretFails() throws JOSEException {
    hook = hook();
    byte[] publicKey = RSA.toRSAPublicKey().getEncoded();
    byte[] publicJwk = RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

    for (byte[] secret : List.of(publicKey, publicJwk)) {
      assertInvalid(
          sign(
              new MACSigner(secret),
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).build(),
              claims().build()));
    }
  }

  @Test
  void aKeyOnlyChecksTokensOfItsOwnAlgorithm() {
    hook = hook();

    // Correctly signed, but the header's alg does not belong to the key its kid names.
    assertInvalid(sign(EC, JWSAlgorithm.ES256, RSA.getKeyID(), claims().build()));
    assertInvalid(sign(RSA, JWSAlgorithm.RS256, EC.getKeyID(), claims().build()));
    assertInvalid(sign(RSA, JWSAlgorithm.RS512, RSA.getKeyID(), claims().build()));
    assertInvalid(sign(RSA, JWSAlgorithm.PS256, RSA.getKeyID(), claims().build()));
  }

  @Test
  void aKeyEmbeddedInTheHeaderIsIgnored() {
    hook = hook();
    RSAKey attacker = Tokens.rsa(RSA.getKeyID());
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(RSA.getKeyID())
            .jwk(attacker.toPublicJWK())
            .build();

    assertInvalid(sign(Tokens.signer(attacker), header, claims().build()));
  }

  @Test
  void anUnknownCriticalHeaderFails() {
    hook = hook();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(RSA.getKeyID())
            .criticalParams(Set.of("exp-policy"))
            .customParam("exp-policy", "lenient")
            .build();

    assertInvalid(sign(Tokens.signer(RSA), header, claims().build()));
  }

  @Test
  void anOverlongTokenFailsUnparsed() {
    hook = hook();

    assertInvalid(rs256(c -> c.claim("padding", "x".repeat(JwtVerifier.MAX_TOKEN_LENGTH))));
  }

  @Test
  void scrapesPass() {
    hook = hook();
    ScrapeContext scrape =
        new ScrapeContext(
            new ScrapeRequest(AddressFamily.IPV4, List.of(TORRENT, OTHER_TORRENT), Params.empty()));

    assertDoesNotThrow(() -> hook.handleScrape(scrape));
  }

  @Test
  void aFailedFirstFetchStillStartsAndRejectsUntilKeysArrive() throws Exception {
    jwks.serve(503, "try later");

    try (LogCapture logs = LogCapture.of(JwkSetRefresher.class)) {
      hook = hook();
      String warning = logs.messages(Level.WARNING).get(0);
      assertTrue(
          warning.startsWith(
              "jwt hook karuta.prehooks[0]: cannot fetch the JWK set from " + jwks.url()),
          warning);
      assertTrue(warning.contains("HTTP status 503"), warning);
    }
    assertInvalid(rs256());

    jwks.serve(List.of(RSA, EC));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!passes(rs256()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertPasses(rs256());
  }

  // ---- fixtures -------------------------------------------------------------------------------

  private JwtHook hook(String... extra) {
    Map<String, String> values = new HashMap<>();
    values.put(PREFIX + "issuer", ISSUER);
    values.put(PREFIX + "audience", AUDIENCE);
    values.put(PREFIX + "jwk_set_url", jwks.url().toString());
    values.put(PREFIX + "jwk_set_update_interval", "10s");
    for (int i = 0; i < extra.length; i += 2) {
      values.put(extra[i], extra[i + 1]);
    }
    JwtHook created = new JwtHook();
    created.scheduler = scheduler;
    created.configure(Options.of(ConfigLookup.of(values), PREFIX), "karuta.prehooks[0]");
    return created;
  }

  private void assertPasses(String token) {
    assertDoesNotThrow(() -> hook.handleAnnounce(context(TORRENT, token)));
  }

  private boolean passes(String token) {
    try {
      hook.handleAnnounce(context(TORRENT, token));
      return true;
    } catch (ClientError e) {
      return false;
    }
  }

  private void assertInvalid(String token) {
    ClientError error =
        assertThrows(ClientError.class, () -> hook.handleAnnounce(context(TORRENT, token)));
    assertSame(JwtHook.INVALID, error);
    assertEquals("unapproved request: invalid jwt", error.getMessage());
  }

  private static AnnounceContext context(InfoHash infoHash, String token) {
    String query = "jwt=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    assertTrue(query.length() < 20_000);
    return context(infoHash, QueryParser.parseQuery("/announce", query));
  }

  private static AnnounceContext context(InfoHash infoHash, Params params) {
    Peer peer = new Peer(PeerId.of(new byte[20]), IpAddress.parse("10.0.0.1"), 6881);
    AnnounceRequest request =
        new AnnounceRequest(infoHash, peer, Event.STARTED, 0, 0, 1, 50, false, true, false, params);
    return new AnnounceContext(
        request, AnnounceResponse.initial(Duration.ofMinutes(30), Duration.ofMinutes(15)));
  }
}
