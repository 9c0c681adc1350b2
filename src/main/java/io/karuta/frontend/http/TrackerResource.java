package io.karuta.frontend.http;

import io.karuta.net.HeaderValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The JAX-RS boundary of the HTTP tracker: every GET below the context root. It reads the raw path
 * and query from the servlet request (JAX-RS parameter injection would decode them as UTF-8 text
 * and corrupt binary info-hashes) and hands them to {@link HttpFrontend}. Which paths are announce
 * or scrape routes is configuration ({@code http.announce_routes}, {@code http.scrape_routes}).
 */
@ApplicationScoped
@Path("/")
public class TrackerResource {
  private static final String TEXT = "text/plain";
  private static final String ALIVE = "Karuta BitTorrent tracker: up\n";

  @Inject HttpFrontend frontend;

  /** Answers {@code GET /}, so that people and liveness probes see the tracker is up. */
  @GET
  @Produces(TEXT)
  public String root() {
    return ALIVE;
  }

  /** Answers every other GET: a tracker route, or 404. */
  @GET
  @Path("{path: .+}")
  @Produces(TEXT)
  public Response route(@Context HttpServletRequest request) {
    HttpReply reply =
        frontend.handle(
            request.getRequestURI(),
            request.getQueryString(),
            request.getRemoteAddr(),
            name -> HeaderValues.joined(request.getHeaders(name)));
    if (reply.answered() != null) {
      AfterReplyFilter.runAfterReply(request, reply);
    }
    // An explicit length, so a reply flushed before the request ends is complete without chunking.
    return Response.status(reply.status())
        .entity(reply.body())
        .type(TEXT)
        .header(HttpHeaders.CONTENT_LENGTH, reply.body().length)
        .build();
  }
}
