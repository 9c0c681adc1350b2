package io.karuta.middleware.auth;

import static io.karuta.middleware.auth.Tokens.EC;
import static io.karuta.middleware.auth.Tokens.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching a JWK set: the cost limits, the errors, and which keys are kept. */
class JwkSetClientTest {
  private static final int CAP = 4096;

  private JwksServer jwks;

  @BeforeEach
  void start() throws IOException {
    jwks = new JwksServer();
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  @Test
  void fetchesTheSigningKeys() throws IOException {
    jwks.serve(List.of(RSA, EC));

    JwtKeys keys = client().fetch();

    assertEquals(Set.of("rsa-1", "ec-1"), keys.kids());
    assertEquals(0, keys.skipped());
  }

  @Test
  void aLargerBodyThanTheCapFails() {
    jwks.serve(200, "{\"keys\":[]," + "\"pad\":\"" + "x".repeat(CAP) + "\"}");

    IOException e = assertThrows(IOException.class, () -> client().fetch());
    assertEquals("larger than " + CAP + " bytes", e.getMessage());
  }

  @Test
  void aServerSlowerThanTheReadTimeoutFails() {
    jwks.serve(List.of(RSA));
    jwks.delay(2_000);

    long start = System.nanoTime();
    assertThrows(IOException.class, () -> client().fetch());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1_500, "gave up after " + millis + " ms");
  }

  @Test
  void otherStatusesAndBodiesFailWithTheReason() {
    jwks.serve(404, "no such file");
    assertEquals("HTTP status 404", assertThrows(IOException.class, this::fetch).getMessage());

    jwks.serve(200, "[1, 2, 3]");
    assertTrue(
        assertThrows(IOException.class, this::fetch).getMessage().startsWith("not a JWK set"));

    jwks.serve(200, "{\"keys\":[]}");
    assertEquals(
        "not a JWK set: no usable key among 0 (RS256 or ES256 with a kid)",
        assertThrows(IOException.class, this::fetch).getMessage());
  }

  @Test
  void onlyRs256AndEs256SigningKeysWithAKidAreKept() throws Exception {
    List<JWK> keys =
        List.of(
            RSA,
            EC,
            new OctetSequenceKeyGenerator(256).keyID("hmac").generate(),
            new ECKeyGenerator(Curve.P_384).keyID("p384").generate(),
            weakRsa("rsa-1024"),
            new RSAKey.Builder(RSA.toRSAPublicKey())
                .keyID("for-encryption")
                .keyUse(KeyUse.ENCRYPTION)
                .build(),
            new RSAKey.Builder(RSA.toRSAPublicKey())
                .keyID("rs512")
                .algorithm(JWSAlgorithm.RS512)
                .build(),
            new RSAKey.Builder(RSA.toRSAPublicKey())
                .keyID("explicit")
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .build(),
            new RSAKey.Builder(RSA.toRSAPublicKey()).build(),
            new RSAKey.Builder(Tokens.rsa("x").toRSAPublicKey()).keyID("rsa-1").build());
    // toString(false): the symmetric key stays in, as a careless operator might publish it.
    jwks.serve(200, new JWKSet(keys).toString(false));

    JwtKeys fetched = client(1 << 16).fetch();

    assertEquals(Set.of("rsa-1", "ec-1", "explicit"), fetched.kids());
    assertEquals(7, fetched.skipped());
    assertTrue(fetched.verifier("rsa-1", JWSAlgorithm.RS256) != null);
    assertTrue(fetched.verifier("hmac", JWSAlgorithm.HS256) == null);
  }

  @Test
  void aKeySetWithoutUsableKeysIsAnError() throws JOSEException {
    String onlySymmetric =
        new JWKSet(new OctetSequenceKeyGenerator(256).keyID("hmac").generate()).toString(false);

    ParseException e = assertThrows(ParseException.class, () -> JwtKeys.parse(onlySymmetric));
    assertEquals("no usable key among 1 (RS256 or ES256 with a kid)", e.getMessage());
  }

  private JwtKeys fetch() throws IOException {
    return client().fetch();
  }

  private JwkSetClient client() {
    return client(CAP);
  }

  private JwkSetClient client(int cap) {
    return new JwkSetClient(jwks.url(), Duration.ofMillis(500), Duration.ofMillis(500), cap);
  }

  private static RSAKey weakRsa(String kid) throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    return new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic())
        .keyID(kid)
        .build();
  }
}
