package io.karuta.stats;

import io.karuta.metrics.PrometheusText;
import io.karuta.metrics.TrackerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /stats} (the HTML page), {@code GET /stats/metrics} (Prometheus text, for servers
 * without MicroProfile Metrics) and the page's script and style sheet. This root resource's literal
 * path beats {@code TrackerResource}'s catch-all for {@code /stats} and everything below it. Each
 * answer is 404 when {@code stats.enabled} is off and 403 outside {@code stats.allowed_networks}
 * (see {@link StatsGate}).
 */
@ApplicationScoped
@Path("stats")
public class StatsResource {
  private static final StaticFile SCRIPT =
      StaticFile.load("stats.js", "text/javascript; charset=utf-8");
  private static final StaticFile STYLE = StaticFile.load("stats.css", "text/css; charset=utf-8");

  @Inject StatsGate gate;
  @Inject StatsSnapshots snapshots;
  @Inject TrackerMetrics metrics;

  /** The page, with the numbers of now. */
  @GET
  public Response page(@Context HttpServletRequest request) {
    Response refusal = gate.refusal(request);
    if (refusal != null) {
      return refusal;
    }
    // Asked for as /stats/, the page's relative URLs must climb one level to stay correct.
    String up = request.getRequestURI().endsWith("/") ? "../" : "";
    return StatsGate.ok(StatsPage.write(snapshots.take(), up), StatsPage.CONTENT_TYPE)
        .header("Content-Security-Policy", StatsPage.CONTENT_SECURITY_POLICY)
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** Every metric series in the Prometheus text format. */
  @GET
  @Path("metrics")
  public Response metrics(@Context HttpServletRequest request) {
    Response refusal = gate.refusal(request);
    if (refusal != null) {
      return refusal;
    }
    return StatsGate.ok(PrometheusText.write(metrics.series()), PrometheusText.CONTENT_TYPE)
        .build();
  }

  /** The page's chart script. */
  @GET
  @Path("stats.js")
  public Response script(@Context HttpServletRequest request) {
    return file(request, SCRIPT);
  }

  /** The page's style sheet. */
  @GET
  @Path("stats.css")
  public Response style(@Context HttpServletRequest request) {
    return file(request, STYLE);
  }

  private Response file(HttpServletRequest request, StaticFile file) {
    Response refusal = gate.refusal(request);
    if (refusal != null) {
      return refusal;
    }
    return StatsGate.ok(file.bytes(), file.contentType()).build();
  }
}
