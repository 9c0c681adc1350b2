package io.karuta.middleware.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigException;
import io.karuta.config.ConfigLookup;
import io.karuta.config.Options;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code jwt} options: defaults, ranges, and errors that name the full key. */
class JwtOptionsTest {
  private static final String PREFIX = "karuta.prehooks[2].options.";

  @Test
  void theRequiredOptionsAndTheDefaults() {
    JwtOptions options = read(Map.of());

    assertEquals("https://auth.example.org", options.issuer());
    assertEquals("karuta", options.audience());
    assertEquals(URI.create("https://auth.example.org/jwks.json"), options.jwkSetUrl());
    assertEquals(Duration.ofMinutes(5), options.updateInterval());
    assertEquals(Duration.ofSeconds(30), options.clockSkew());
  }

  @Test
  void chihayasKeysKeepTheirMeaning() {
    JwtOptions options = read(Map.of("jwk_set_update_interval", "1h", "clock_skew", "0s"));

    assertEquals(Duration.ofHours(1), options.updateInterval());
    assertEquals(Duration.ZERO, options.clockSkew());
  }

  /** Chihaya spins on an interval of 0; here it, a negative one and anything under 10s fail. */
  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "-5m", "9s", "25h"})
  void anUpdateIntervalOutsideTenSecondsToADayIsAnError(String interval) {
    String message = error(Map.of("jwk_set_update_interval", interval));

    assertTrue(message.startsWith(PREFIX + "jwk_set_update_interval: "), message);
    assertTrue(message.endsWith("(allowed: 10s to 24h)"), message);
  }

  @Test
  void anUpdateIntervalWithoutUnitIsAnError() {
    String message = error(Map.of("jwk_set_update_interval", "300"));

    assertTrue(message.startsWith(PREFIX + "jwk_set_update_interval: "), message);
    assertTrue(message.contains("no unit"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1s", "6m", "soon"})
  void aClockSkewOutsideZeroToFiveMinutesIsAnError(String skew) {
    String message = error(Map.of("clock_skew", skew));

    assertTrue(message.startsWith(PREFIX + "clock_skew: "), message);
    assertTrue(message.endsWith("(allowed: 0s to 5m)"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"issuer", "audience", "jwk_set_url"})
  void aMissingOrEmptyRequiredOptionIsAnError(String key) {
    Map<String, String> values = new HashMap<>(complete());
    values.remove(PREFIX + key);
    String missing =
        assertThrows(ConfigException.class, () -> JwtOptions.from(options(values))).getMessage();
    values.put(PREFIX + key, "");
    String empty =
        assertThrows(ConfigException.class, () -> JwtOptions.from(options(values))).getMessage();

    assertTrue(missing.startsWith(PREFIX + key + ": missing; write "), missing);
    assertEquals(missing, empty);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://auth.example.org/jwks",
        "/jwks.json",
        "http://",
        "not a url",
        "file:///etc/jwks"
      })
  void aJwkSetUrlThatIsNotHttpIsAnError(String url) {
    String message = error(Map.of("jwk_set_url", url));

    assertEquals(
        PREFIX + "jwk_set_url: '" + url + "' is not an http or https URL with a host", message);
  }

  @Test
  void userInformationInTheUrlIsRedacted() {
    String message = error(Map.of("jwk_set_url", "gopher://user:secret@auth.example.org/"));
    JwtOptions options = read(Map.of("jwk_set_url", "https://user:secret@auth.example.org/k"));

    assertTrue(message.contains("gopher://REDACTED@auth.example.org/"), message);
    assertEquals("https://REDACTED@auth.example.org/k", options.redactedUrl());
  }

  @Test
  void anUnknownOptionIsAnError() {
    String message = error(Map.of("jwk_set_urls", "https://auth.example.org/jwks.json"));

    assertTrue(
        message.startsWith(
            PREFIX + "jwk_set_urls: unknown key; did you mean " + PREFIX + "jwk_set_url?"),
        message);
  }

  private static JwtOptions read(Map<String, String> changes) {
    return JwtOptions.from(options(with(changes)));
  }

  private static String error(Map<String, String> changes) {
    return assertThrows(ConfigException.class, () -> read(changes)).getMessage();
  }

  private static Map<String, String> with(Map<String, String> changes) {
    Map<String, String> values = new HashMap<>(complete());
    changes.forEach((key, value) -> values.put(PREFIX + key, value));
    return values;
  }

  private static Map<String, String> complete() {
    return Map.of(
        PREFIX + "issuer", "https://auth.example.org",
        PREFIX + "audience", "karuta",
        PREFIX + "jwk_set_url", "https://auth.example.org/jwks.json");
  }

  private static Options options(Map<String, String> values) {
    return Options.of(ConfigLookup.of(values), PREFIX);
  }
}
