package io.karuta.middleware;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;

/** One announce on its way through the hooks. */
public final class AnnounceContext extends RequestContext<AnnounceRequest, AnnounceResponse> {

  /** Starts a context for {@code request} with the response it begins with. */
  public AnnounceContext(AnnounceRequest request, AnnounceResponse initialResponse) {
    super(request, initialResponse);
  }
}
