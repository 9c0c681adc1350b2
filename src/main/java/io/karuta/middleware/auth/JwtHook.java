package io.karuta.middleware.auth;

import com.nimbusds.jose.JWSObject;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.config.GoDuration;
import io.karuta.config.Options;
import io.karuta.container.Maintenance;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code jwt} pre-hook (chihaya's): an announce must carry, in its {@code jwt} parameter (HTTP
 * query or UDP BEP 41 URL data), a token signed by a key of the operator's JWK set that grants this
 * info-hash. {@link JwtVerifier} lists the checks. A missing token fails with {@link #MISSING}, any
 * other problem with {@link #INVALID}; the reason goes to a FINE log, never to the client.
 *
 * <p>Scrapes pass: a token grants one info-hash, a scrape may name many, and a scrape reveals
 * counts only. The JWK set is fetched at start and then in the background ({@link
 * JwkSetRefresher}); a tracker whose first fetch fails still starts, and rejects every token until
 * a fetch succeeds.
 *
 * <p>Thread-safe after {@link #configure}.
 */
@Dependent
@Named(JwtHook.NAME)
public class JwtHook implements Hook {
  /** The name operators list in the YAML, chihaya's. */
  public static final String NAME = "jwt";

  /** An announce without a {@code jwt} parameter (chihaya's text). */
  public static final ClientError MISSING = new ClientError("unapproved request: missing jwt");

  /** An announce whose token does not grant it (chihaya's text). */
  public static final ClientError INVALID = new ClientError("unapproved request: invalid jwt");

  /** The request parameter holding the token. */
  static final String PARAM = "jwt";

  private static final Logger LOG = Logger.getLogger(JwtHook.class.getName());

  @Inject @Maintenance ScheduledExecutorService scheduler;

  private String name;
  private JwtVerifier verifier;
  private JwkSetRefresher refresher;

  /**
   * Reads {@code issuer}, {@code audience}, {@code jwk_set_url} (all required), {@code
   * jwk_set_update_interval} (default 5m, 10s to 24h) and {@code clock_skew} (default 30s, 0s to
   * 5m), then fetches the JWK set once; a failed fetch is logged and retried, not a start error.
   */
  @Override
  public void configure(Options options, String entry) {
    JwtOptions settings = JwtOptions.from(options);
    name = "jwt hook " + entry;
    verifier =
        new JwtVerifier(
            settings.issuer(), settings.audience(), settings.clockSkew(), InstantSource.system());
    refresher =
        new JwkSetRefresher(
            name,
            settings.redactedUrl(),
            JwkSetClient.of(settings.jwkSetUrl()),
            settings.updateInterval(),
            JwkSetRefresher.FIRST_RETRY,
            JwkSetRefresher.MAX_RETRY,
            scheduler);
    LOG.info(
        () ->
            name
                + ": issuer "
                + settings.issuer()
                + ", audience "
                + settings.audience()
                + ", keys from "
                + settings.redactedUrl()
                + " every "
                + GoDuration.format(settings.updateInterval())
                + ", clock skew "
                + GoDuration.format(settings.clockSkew())
                + " (nimbus-jose-jwt "
                + JWSObject.class.getPackage().getImplementationVersion()
                + ")");
    if (settings.jwkSetUrl().getScheme().toLowerCase(Locale.ROOT).equals("http")) {
      LOG.warning(
          () ->
              name
                  + ": the JWK set comes over plain http; whoever can change it on the way can"
                  + " sign tokens. Use https outside a trusted network");
    }
    refresher.start();
  }

  @Override
  public void handleAnnounce(AnnounceContext context) {
    AnnounceRequest request = context.request();
    String token = request.params().get(PARAM);
    if (token == null) {
      throw MISSING;
    }
    String problem = verifier.problem(token, request.infoHash(), refresher.keys());
    if (problem != null) {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine(name + ": invalid jwt: " + problem);
      }
      throw INVALID;
    }
  }

  @PreDestroy
  void stop() {
    if (refresher != null) {
      refresher.stop();
    }
  }
}
