package io.karuta.middleware.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signature keys of one JWK set, by {@code kid}: only RSA keys of at least 2048 bits (for
 * RS256) and EC keys on P-256 (for ES256), each bound to its one algorithm. Symmetric ({@code oct})
 * keys, other curves and types, encryption keys ({@code "use": "enc"}), keys whose {@code alg}
 * names another algorithm and keys without a {@code kid} are left out; of keys sharing a {@code
 * kid}, the first is kept.
 *
 * <p>Immutable and thread-safe: a refresh builds a new instance and swaps it in whole.
 */
final class JwtKeys {
  /** No keys: every token is rejected. */
  static final JwtKeys EMPTY = new JwtKeys(Map.of(), 0);

  private static final int MIN_RSA_BITS = 2048;

  /** A key and the one algorithm it verifies. */
  record Key(JWSAlgorithm algorithm, JWSVerifier verifier) {}

  private final Map<String, Key> byKid;
  private final int skipped;

  private JwtKeys(Map<String, Key> byKid, int skipped) {
    this.byKid = Map.copyOf(byKid);
    this.skipped = skipped;
  }

  /**
   * Parses a JWK set document ({@code {"keys": [...]}}).
   *
   * @throws ParseException when the text is not a JWK set, or holds no usable key
   */
  static JwtKeys parse(String json) throws ParseException {
    JWKSet set = JWKSet.parse(json);
    Map<String, Key> byKid = new HashMap<>();
    int skipped = 0;
    for (JWK jwk : set.getKeys()) {
      Key key = usable(jwk);
      if (key == null || byKid.putIfAbsent(jwk.getKeyID(), key) != null) {
        skipped++;
      }
    }
    if (byKid.isEmpty()) {
      throw new ParseException(
          "no usable key among " + set.getKeys().size() + " (RS256 or ES256 with a kid)", 0);
    }
    return new JwtKeys(byKid, skipped);
  }

  /**
   * Returns the key named {@code kid} if it verifies {@code algorithm}, else {@code null}: a key
   * never verifies a token whose header names another algorithm than its own.
   */
  JWSVerifier verifier(String kid, JWSAlgorithm algorithm) {
    Key key = byKid.get(kid);
    return key != null && key.algorithm().equals(algorithm) ? key.verifier() : null;
  }

  /** Returns whether a key is named {@code kid}. */
  boolean has(String kid) {
    return byKid.containsKey(kid);
  }

  /** Returns the kids, sorted. */
  Set<String> kids() {
    return new TreeSet<>(byKid.keySet());
  }

  /** Returns the number of keys. */
  int size() {
    return byKid.size();
  }

  /** Returns the number of keys of the document that were left out. */
  int skipped() {
    return skipped;
  }

  private static Key usable(JWK jwk) {
    String kid = jwk.getKeyID();
    if (kid == null || kid.isEmpty()) {
      return null;
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      return null;
    }
    try {
      if (jwk instanceof RSAKey rsa
          && rsa.size() >= MIN_RSA_BITS
          && allows(jwk, JWSAlgorithm.RS256)) {
        return new Key(JWSAlgorithm.RS256, new RSASSAVerifier(rsa.toRSAPublicKey()));
      }
      if (jwk instanceof ECKey ec
          && Curve.P_256.equals(ec.getCurve())
          && allows(jwk, JWSAlgorithm.ES256)) {
        return new Key(JWSAlgorithm.ES256, new ECDSAVerifier(ec.toECPublicKey()));
      }
    } catch (JOSEException e) {
      return null;
    }
    return null;
  }

  private static boolean allows(JWK jwk, JWSAlgorithm algorithm) {
    return jwk.getAlgorithm() == null || algorithm.equals(jwk.getAlgorithm());
  }
}
