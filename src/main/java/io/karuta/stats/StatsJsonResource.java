package io.karuta.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /stats.json}: the page's numbers as JSON ({@link StatsJson} describes the format). A
 * root resource of its own, since {@code @Path("stats")} does not match {@code /stats.json}.
 */
@ApplicationScoped
@Path("stats.json")
public class StatsJsonResource {
  @Inject StatsGate gate;
  @Inject StatsSnapshots snapshots;

  /** The numbers of now; 404 or 403 as {@link StatsGate} decides. */
  @GET
  public Response json(@Context HttpServletRequest request) {
    Response refusal = gate.refusal(request);
    if (refusal != null) {
      return refusal;
    }
    return StatsGate.ok(StatsJson.write(snapshots.take()), StatsJson.CONTENT_TYPE).build();
  }
}
