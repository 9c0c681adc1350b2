package io.karuta.middleware.auth;

import io.karuta.config.ConfigDump;
import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The options of one {@code jwt} entry, checked.
 *
 * @param issuer {@code issuer}: the {@code iss} claim every token must carry
 * @param audience {@code audience}: a value the token's {@code aud} claim must contain
 * @param jwkSetUrl {@code jwk_set_url}: where the JWK set is fetched, http or https
 * @param updateInterval {@code jwk_set_update_interval}: the pause between two fetches
 * @param clockSkew {@code clock_skew}: the leeway for {@code exp} and {@code nbf}
 */
record JwtOptions(
    String issuer, String audience, URI jwkSetUrl, Duration updateInterval, Duration clockSkew) {
  static final String ISSUER = "issuer";
  static final String AUDIENCE = "audience";
  static final String JWK_SET_URL = "jwk_set_url";
  static final String UPDATE_INTERVAL = "jwk_set_update_interval";
  static final String CLOCK_SKEW = "clock_skew";

  static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMinutes(5);
  static final Duration MIN_UPDATE_INTERVAL = Duration.ofSeconds(10);
  static final Duration MAX_UPDATE_INTERVAL = Duration.ofHours(24);
  static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Reads and checks the options.
   *
   * @throws ConfigException naming the full key of a missing, unknown or bad option
   */
  static JwtOptions from(Options options) {
    options.rejectUnknown(Set.of(ISSUER, AUDIENCE, JWK_SET_URL, UPDATE_INTERVAL, CLOCK_SKEW));
    return new JwtOptions(
        required(options, ISSUER, "the iss claim that tokens must carry"),
        required(options, AUDIENCE, "a value the aud claim of tokens must contain"),
        url(options),
        options.duration(
            UPDATE_INTERVAL, DEFAULT_UPDATE_INTERVAL, MIN_UPDATE_INTERVAL, MAX_UPDATE_INTERVAL),
        options.duration(CLOCK_SKEW, DEFAULT_CLOCK_SKEW, Duration.ZERO, MAX_CLOCK_SKEW));
  }

  /** Returns the URL as it may be logged: without user information. */
  String redactedUrl() {
    return ConfigDump.redact(JWK_SET_URL, jwkSetUrl.toString());
  }

  private static String required(Options options, String key, String what) {
    return options
        .optionalString(key)
        .orElseThrow(
            () -> new ConfigException(options.prefix() + key + ": missing; write " + what));
  }

  private static URI url(Options options) {
    String key = options.prefix() + JWK_SET_URL;
    String written =
        options
            .optionalString(JWK_SET_URL)
            .orElseThrow(
                () ->
                    new ConfigException(
                        key + ": missing; write the http or https URL of the JWK set"));
    URI url;
    try {
      url = new URI(written.trim());
    } catch (URISyntaxException e) {
      url = null;
    }
    String scheme = url == null ? null : url.getScheme();
    if (url == null
        || scheme == null
        || !Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
        || url.getHost() == null) {
      throw new ConfigException(
          key
              + ": '"
              + ConfigDump.redact(JWK_SET_URL, written)
              + "' is not an http or https URL with a host");
    }
    return url;
  }
}
