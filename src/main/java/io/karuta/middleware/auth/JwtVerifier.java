package io.karuta.middleware.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.karuta.bittorrent.InfoHash;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;

/**
 * Checks one token for one announce, as chihaya's {@code jwt} hook does and more:
 *
 * <ol>
 *   <li>a compact JWS (three parts; unsigned {@code alg: none} tokens and JWE are not);
 *   <li>header {@code alg} RS256 or ES256, nothing else (no HMAC, so a public key can never serve
 *       as a shared secret);
 *   <li>header {@code kid} naming a key of the current JWK set whose algorithm is that {@code alg}
 *       (an RSA key never checks an ES256 token, nor an EC key an RS256 one; keys embedded in the
 *       header, {@code jwk}, {@code jku}, {@code x5u}, are ignored);
 *   <li>a valid signature with that key (unknown {@code crit} header parameters fail it);
 *   <li>{@code iss} equal to the issuer, {@code aud} (a string or a list) containing the audience;
 *   <li>the custom claim {@code infohash} equal to the lowercase hex of the announced info-hash;
 *   <li>{@code exp} present, and now before {@code exp} + clock skew; {@code nbf}, when present, at
 *       most now + clock skew. Chihaya checks neither.
 * </ol>
 *
 * <p>Thread-safe and stateless apart from its settings.
 */
final class JwtVerifier {
  /** The longest token looked at; longer ones are rejected before any parsing. */
  static final int MAX_TOKEN_LENGTH = 8192;

  /** The custom claim that names the torrent (chihaya's). */
  static final String INFOHASH_CLAIM = "infohash";

  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final InstantSource clock;

  JwtVerifier(String issuer, String audience, Duration clockSkew, InstantSource clock) {
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  /**
   * Returns {@code null} if {@code token} grants announcing {@code infoHash}, otherwise why not,
   * for a FINE log: the text never holds the token, only header and claim values.
   */
  String problem(String token, InfoHash infoHash, JwtKeys keys) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return "longer than " + MAX_TOKEN_LENGTH + " characters";
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return "not a compact JWS: " + e.getMessage();
    }
    String signatureProblem = signatureProblem(jwt, keys);
    if (signatureProblem != null) {
      return signatureProblem;
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return "claims unreadable: " + e.getMessage();
    }
    return claimsProblem(claims, infoHash);
  }

  private static String signatureProblem(SignedJWT jwt, JwtKeys keys) {
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm algorithm = header.getAlgorithm();
    if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
      return "algorithm " + algorithm + " is neither RS256 nor ES256";
    }
    String kid = header.getKeyID();
    if (kid == null) {
      return "no kid in the header";
    }
    JWSVerifier verifier = keys.verifier(kid, algorithm);
    if (verifier == null) {
      return keys.has(kid)
          ? "the key " + kid + " is not a " + algorithm + " key"
          : "unknown kid " + kid;
    }
    try {
      return jwt.verify(verifier) ? null : "bad signature";
    } catch (JOSEException e) {
      return "signature not checkable: " + e.getMessage();
    }
  }

  private String claimsProblem(JWTClaimsSet claims, InfoHash infoHash) {
    if (!issuer.equals(claims.getIssuer())) {
      return "iss " + claims.getIssuer() + " is not " + issuer;
    }
    if (!claims.getAudience().contains(audience)) {
      return "aud " + claims.getAudience() + " lacks " + audience;
    }
    Object claimed = claims.getClaim(INFOHASH_CLAIM);
    String announced = infoHash.toString();
    if (!announced.equals(claimed)) {
      return "infohash " + claimed + " is not the announced " + announced;
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      return "no exp claim";
    }
    if (!now.isBefore(expires.toInstant().plus(clockSkew))) {
      return "expired at " + expires.toInstant() + " (clock skew " + clockSkew + ")";
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.isBefore(notBefore.toInstant().minus(clockSkew))) {
      return "not valid before " + notBefore.toInstant() + " (clock skew " + clockSkew + ")";
    }
    return null;
  }
}
