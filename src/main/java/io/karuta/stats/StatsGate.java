package io.karuta.stats;

import io.karuta.config.TrackerConfig;
import io.karuta.frontend.http.HeaderValues;
import io.karuta.frontend.http.HttpFrontend;
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
  @Inject HttpFrontend frontend;

  /** Returns the 403 or 404 to send instead of the stats, or {@code null} to answer. */
  public Response refusal(HttpServletRequest request) {
    StatsAccess access =
        StatsAccess.decide(
            config.stats(),
            frontend.clientAddress(
                request.getRemoteAddr(), name -> HeaderValues.joined(request.getHeaders(name))));
    return switch (access) {
      case ALLOWED -> null;
      case DISABLED -> plain(Response.Status.NOT_FOUND, NOT_FOUND_TEXT);
      case FORBIDDEN -> plain(Response.Status.FORBIDDEN, FORBIDDEN_TEXT);
    };
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
