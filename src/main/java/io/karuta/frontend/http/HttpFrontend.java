package io.karuta.frontend.http;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.ConfigException;
import io.karuta.config.TrackerConfig;
import io.karuta.logic.TrackerLogic;
import io.karuta.metrics.Action;
import io.karuta.metrics.Protocol;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.ScrapeContext;
import io.karuta.net.ClientAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one HTTP tracker request: route, query limit, client address, parse, tracker logic,
 * bencoded reply; then, once the caller has sent the reply, the post-reply work. Independent of
 * JAX-RS so the resource stays a thin boundary. Thread-safe; no logging per request except for
 * internal errors.
 */
@ApplicationScoped
public class HttpFrontend {
  private static final Logger LOG = Logger.getLogger(HttpFrontend.class.getName());

  @Inject TrackerConfig config;
  @Inject TrackerLogic logic;
  @Inject TrackerMetrics metrics;
  @Inject ClientAddresses addresses;

  private RouteTable routes;
  private HttpRequestParser parser;
  private HttpReply notFound;

  @PostConstruct
  void init() {
    try {
      routes = new RouteTable(config.http().announceRoutes(), config.http().scrapeRoutes());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("karuta.http.announce_routes/scrape_routes: " + e.getMessage());
    }
    parser = new HttpRequestParser(config.http());
    notFound = new HttpReply(404, HttpResponseWriter.failure(HttpErrors.NOT_FOUND));
  }

  /**
   * Builds the routes, parser and address rules now; the start calls it so a bad route stops the
   * deployment instead of the first request.
   *
   * @throws ConfigException naming the bad route
   */
  public void start() {
    LOG.fine("HTTP frontend ready");
  }

  /**
   * Answers a GET.
   *
   * @param rawPath the request path as received, still percent-encoded
   * @param rawQuery the query string as received, or {@code null}
   * @param remoteAddr the address of the connection's other end (the servlet's remote address)
   * @param headerValues returns every value of the named header joined by {@code ","}, or {@code
   *     null}; only called when a trusted proxy sent the request
   */
  public HttpReply handle(
      String rawPath, String rawQuery, String remoteAddr, UnaryOperator<String> headerValues) {
    long start = metrics.start();
    Route route = routes.match(rawPath);
    if (route == null) {
      return notFound;
    }
    Action action = route.kind() == Route.Kind.ANNOUNCE ? Action.ANNOUNCE : Action.SCRAPE;
    AddressFamily family = null;
    // Until an answer is built: an Error thrown through here counts as an internal error.
    ClientError failure = ClientError.INTERNAL;
    try {
      if (rawQuery != null && rawQuery.length() > config.http().maxQueryLength()) {
        throw HttpErrors.QUERY_TOO_LONG;
      }
      Params params = QueryParser.parseQuery(rawPath, rawQuery).withRouteParams(route.params());
      IpAddress client = addresses.of(remoteAddr, headerValues);
      family = client.family();
      HttpReply reply =
          action == Action.ANNOUNCE
              ? announce(parser.parseAnnounce(params, client))
              : scrape(parser.parseScrape(params, client));
      failure = null;
      return reply;
    } catch (ClientError e) {
      failure = e;
      return new HttpReply(200, HttpResponseWriter.failure(e));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "HTTP request failed", e);
      failure = ClientError.INTERNAL;
      return new HttpReply(200, HttpResponseWriter.failure(ClientError.INTERNAL));
    } finally {
      metrics.finish(Protocol.HTTP, action, family, failure, start);
    }
  }

  /**
   * Runs the post-hooks and the swarm update of a reply from {@link #handle}, if it has any; call
   * it once the reply is sent (or could not be sent). Never throws.
   */
  public void afterReply(HttpReply reply) {
    if (reply.answered() != null) {
      logic.afterReply(reply.answered());
    }
  }

  private HttpReply announce(AnnounceRequest request) {
    AnnounceContext context = logic.announce(request);
    return new HttpReply(200, HttpResponseWriter.announce(request, context.response()), context);
  }

  private HttpReply scrape(ScrapeRequest request) {
    ScrapeContext context = logic.scrape(request);
    return new HttpReply(200, HttpResponseWriter.scrape(context.response()), context);
  }
}
