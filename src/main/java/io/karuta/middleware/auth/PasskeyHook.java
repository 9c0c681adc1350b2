package io.karuta.middleware.auth;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.QueryParser;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.middleware.ScrapeContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code passkey} hook for private trackers: a request passes only with a passkey that the
 * {@link PasskeyResolver} accepts. The passkey is the route parameter {@code passkey} of the HTTP
 * path (a route such as {@code /:passkey/announce}), or else the {@code passkey} parameter of the
 * query (HTTP) or of the BEP 41 URL data (UDP). Announces are always checked, scrapes unless the
 * option {@code scrape} is {@code false}.
 *
 * <p>Thread-safe as long as the resolver is, which its contract requires.
 */
@Dependent
@Named(PasskeyHook.NAME)
public class PasskeyHook implements Hook {
  /** The name operators write in the hook lists. */
  public static final String NAME = "passkey";

  /** The failure for a request without a passkey. */
  public static final ClientError MISSING = new ClientError("unapproved request: missing passkey");

  /** The failure for a request whose passkey the resolver refuses. */
  public static final ClientError INVALID = new ClientError("unapproved request: invalid passkey");

  /** The route and query parameter that carries the passkey. */
  public static final String PARAMETER = "passkey";

  static final String SCRAPE = "scrape";

  @Inject PasskeyResolver resolver;

  private boolean checkScrapes = true;

  @Override
  public void configure(Options options) {
    Set<String> known = new HashSet<>(resolver.optionKeys());
    known.add(SCRAPE);
    options.rejectUnknown(known);
    checkScrapes = options.bool(SCRAPE, true);
    resolver.configure(options);
  }

  @Override
  public void handleAnnounce(AnnounceContext context) {
    check(context.request().params());
  }

  @Override
  public void handleScrape(ScrapeContext context) {
    if (checkScrapes) {
      check(context.request().params());
    }
  }

  private void check(Params params) {
    String passkey = passkey(params);
    if (passkey == null || passkey.isEmpty()) {
      throw MISSING;
    }
    if (!resolver.isValid(passkey)) {
      throw INVALID;
    }
  }

  /** Returns the decoded passkey of the path, or else of the query; {@code null} when neither. */
  private static String passkey(Params params) {
    String route = params.routeParam(PARAMETER);
    if (route == null) {
      return params.get(PARAMETER);
    }
    try {
      return QueryParser.decodePathSegment(route);
    } catch (ClientError e) {
      throw INVALID; // a malformed escape: no resolver could accept it
    }
  }
}
