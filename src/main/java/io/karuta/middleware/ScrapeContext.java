package io.karuta.middleware;

import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.bittorrent.ScrapeResponse;
import java.util.List;

/** One scrape on its way through the hooks; its response starts empty. */
public final class ScrapeContext extends RequestContext<ScrapeRequest, ScrapeResponse> {

  /** Starts a context for {@code request} with an empty response. */
  public ScrapeContext(ScrapeRequest request) {
    super(request, new ScrapeResponse(List.of()));
  }
}
