package io.karuta.stats;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.IpAddress;
import io.karuta.config.TrackerConfig;
import io.karuta.net.ClientAddresses;
import io.karuta.net.HeaderValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Applies {@link StatsAccess} to HTTP requests for the stats endpoints, with the client address
 * resolved as for announces.
 */
@ApplicationScoped
public class StatsGate {
  /** The body of a 403: fixed, so it tells nothing about the configuration. */
  public static final String FORBIDDEN_TEXT = "Karuta stats: not available to this address\n";

  /** The body of a 404. */
  public static final String NOT_FOUND_TEXT = "Not found\n";

  @Inject TrackerConfig config;
  @Inject ClientAddresses addresses;

  /** Returns the 403 or 404 to send instead of the stats, or {@code null} to answer. */
  public Response refusal(HttpServletRequest request) {
    StatsAccess access = StatsAccess.decide(config.stats(), client(request));
    return switch (access) {
      case ALLOWED -> null;
      case DISABLED -> plain(Response.Status.NOT_FOUND, NOT_FOUND_TEXT);
      case FORBIDDEN -> plain(Response.Status.FORBIDDEN, FORBIDDEN_TEXT);
    };
  }

  // Null, never allowed, when a header that counts holds no address.
  private IpAddress client(HttpServletRequest request) {
    try {
      return addresses.of(
          request.getRemoteAddr(), name -> HeaderValues.joined(request.getHeaders(name)));
    } catch (ClientError unparsable) {
      return null;
    }
  }

  /** Returns a response builder with the headers every stats reply carries. */
  static Response.ResponseBuilder ok(Object entity, String type) {
    return Response.ok(entity, type)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff");
  }

  private static Response plain(Response.Status status, String text) {
    return Response.status(status)
        .entity(text)
        .type("text/plain; charset=utf-8")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
