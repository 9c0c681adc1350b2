package io.karuta.middleware.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.karuta.bittorrent.InfoHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Keys generated once per test run and tokens signed with them, as an operator's token service
 * would issue them.
 */
public final class Tokens {
  public static final String ISSUER = "https://auth.example.org";
  public static final String AUDIENCE = "karuta-test";
  public static final InfoHash TORRENT =
      InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");
  public static final InfoHash OTHER_TORRENT =
      InfoHash.fromHex("4532cf2d327fad8448c075b4cb42c8136964a435");

  public static final RSAKey RSA = rsa("rsa-1");
  static final RSAKey RSA_ROTATED = rsa("rsa-2");
  static final ECKey EC = ec("ec-1");

  private Tokens() {}

  /** Returns the claims of a token good for {@link #TORRENT} for the next five minutes. */
  public static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .claim("infohash", TORRENT.toString())
        .expirationTime(at(Duration.ofMinutes(5)));
  }

  /** Returns the time {@code offset} from now, as a JWT date. */
  public static Date at(Duration offset) {
    return Date.from(Instant.now().plus(offset));
  }

  /** Returns a valid RS256 token signed with {@link #RSA}. */
  public static String rs256() {
    return rs256(b -> b);
  }

  /** Returns an RS256 token signed with {@link #RSA}, with the claims changed by {@code edit}. */
  public static String rs256(UnaryOperator<JWTClaimsSet.Builder> edit) {
    return sign(RSA, JWSAlgorithm.RS256, RSA.getKeyID(), edit.apply(claims()).build());
  }

  /** Returns a valid ES256 token signed with {@link #EC}. */
  public static String es256() {
    return sign(EC, JWSAlgorithm.ES256, EC.getKeyID(), claims().build());
  }

  /**
   * Signs {@code claims} with {@code key}, naming {@code algorithm} and {@code kid} in the header.
   */
  static String sign(JWK key, JWSAlgorithm algorithm, String kid, JWTClaimsSet claims) {
    return sign(signer(key), new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
  }

  /** Signs {@code claims} under {@code header} with {@code signer}. */
  static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static JWSSigner signer(JWK key) {
    try {
      return key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
