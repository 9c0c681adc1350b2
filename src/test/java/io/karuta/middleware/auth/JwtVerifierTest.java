package io.karuta.middleware.auth;

import static io.karuta.middleware.auth.Tokens.AUDIENCE;
import static io.karuta.middleware.auth.Tokens.EC;
import static io.karuta.middleware.auth.Tokens.ISSUER;
import static io.karuta.middleware.auth.Tokens.OTHER_TORRENT;
import static io.karuta.middleware.auth.Tokens.RSA;
import static io.karuta.middleware.auth.Tokens.TORRENT;
import static io.karuta.middleware.auth.Tokens.claims;
import static io.karuta.middleware.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link JwtVerifier} on its own, with a fixed clock: each rejection for the reason it is meant to
 * have (the FINE log text), the clock-skew boundaries to the millisecond, and that the reason never
 * quotes the token.
 */
class JwtVerifierTest {
  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final JwtKeys KEYS = keys();

  @Test
  void aValidTokenHasNoProblem() {
    assertNull(problem(T, token(c -> c)));
    assertNull(problem(T, sign(EC, JWSAlgorithm.ES256, EC.getKeyID(), base().build())));
  }

  @Test
  void expiryHonoursTheClockSkewToTheMillisecond() {
    String token = token(c -> c.expirationTime(Date.from(T)));

    assertNull(problem(T.plus(SKEW).minusMillis(1), token));
    assertTrue(problem(T.plus(SKEW), token).startsWith("expired at 2030-01-01T00:00:00Z"));
  }

  @Test
  void notBeforeHonoursTheClockSkewToTheMillisecond() {
    String token = token(c -> c.notBeforeTime(Date.from(T)));

    assertNull(problem(T.minus(SKEW), token));
    assertTrue(problem(T.minus(SKEW).minusMillis(1), token).startsWith("not valid before"));
  }

  @Test
  void eachClaimProblemIsNamed() {
    assertEquals("no exp claim", problem(T, token(c -> c.expirationTime(null))));
    assertEquals(
        "iss https://evil.example is not " + ISSUER,
        problem(T, token(c -> c.issuer("https://evil.example"))));
    assertEquals("aud [other] lacks " + AUDIENCE, problem(T, token(c -> c.audience("other"))));
    assertEquals(
        "infohash " + OTHER_TORRENT + " is not the announced " + TORRENT,
        problem(T, token(c -> c.claim("infohash", OTHER_TORRENT.toString()))));
  }

  @Test
  void eachHeaderAndSignatureProblemIsNamed() throws JOSEException {
    assertEquals(
        "unknown kid nope", problem(T, sign(RSA, JWSAlgorithm.RS256, "nope", base().build())));
    assertEquals(
        "no kid in the header",
        problem(
            T,
            sign(
                Tokens.signer(RSA),
                new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
                base().build())));
    assertEquals(
        "the key rsa-1 is not a ES256 key",
        problem(T, sign(EC, JWSAlgorithm.ES256, RSA.getKeyID(), base().build())));
    assertEquals(
        "the key ec-1 is not a RS256 key",
        problem(T, sign(RSA, JWSAlgorithm.RS256, EC.getKeyID(), base().build())));
    assertEquals(
        "bad signature",
        problem(T, sign(Tokens.rsa("rsa-1"), JWSAlgorithm.RS256, "rsa-1", base().build())));
    assertEquals(
        "algorithm HS256 is neither RS256 nor ES256",
        problem(
            T,
            sign(
                new MACSigner(RSA.toRSAPublicKey().getEncoded()),
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                base().build())));
    JWSHeader critical =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID("rsa-1")
            .criticalParams(Set.of("exp-policy"))
            .customParam("exp-policy", "lenient")
            .build();
    assertEquals("bad signature", problem(T, sign(Tokens.signer(RSA), critical, base().build())));
  }

  @Test
  void unsignedAndMalformedTokensAreNotCompactJws() {
    String claims = Base64URL.encode(base().build().toString()).toString();
    String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"rsa-1\"}").toString();

    for (String token :
        List.of(
            new PlainJWT(base().build()).serialize(),
            none + "." + claims + ".",
            "",
            "a.b",
            "not a token",
            "a.b.c.d.e")) {
      String problem = problem(T, token);
      assertTrue(problem.startsWith("not a compact JWS"), token + ": " + problem);
    }
  }

  @Test
  void theReasonNeverQuotesTheToken() {
    String token = token(c -> c.issuer("https://evil.example"));
    String[] parts = token.split("\\.");

    String problem = problem(T, token);
    for (String part : parts) {
      assertFalse(problem.contains(part), problem);
    }
  }

  private static String problem(Instant now, String token) {
    return new JwtVerifier(ISSUER, AUDIENCE, SKEW, InstantSource.fixed(now))
        .problem(token, TORRENT, KEYS);
  }

  private static JWTClaimsSet.Builder base() {
    return claims().expirationTime(Date.from(T.plusSeconds(300)));
  }

  private static String token(java.util.function.UnaryOperator<JWTClaimsSet.Builder> edit) {
    return sign(RSA, JWSAlgorithm.RS256, RSA.getKeyID(), edit.apply(base()).build());
  }

  private static JwtKeys keys() {
    try {
      return JwtKeys.parse(new JWKSet(List.of(RSA, EC)).toPublicJWKSet().toString());
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
