package io.karuta.middleware;

import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.bittorrent.ScrapeResponse;
import java.util.List;

/** One scrape on its way through the hooks; its response starts empty. */
public final class ScrapeContext extends RequestContext<ScrapeRequest, ScrapeResponse> {
  /** Which request positions report zero counts; allocated by the first {@link #zeroCounts}. */
  private boolean[] zeroed;

  /** Starts a context for {@code request} with an empty response. */
  public ScrapeContext(ScrapeRequest request) {
    super(request, new ScrapeResponse(List.of()));
  }

  /**
   * Makes the built-in response hook report zero counts for the info-hash at {@code index} of
   * {@link ScrapeRequest#infoHashes()}, whatever the store holds: a pre-hook hides a torrent this
   * way without failing the whole scrape. Has no effect when the response hook is skipped.
   *
   * @throws IndexOutOfBoundsException unless {@code index} is a position of the request
   */
  public void zeroCounts(int index) {
    int size = request().infoHashes().size();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    if (zeroed == null) {
      zeroed = new boolean[size];
    }
    zeroed[index] = true;
  }

  /** Returns whether {@link #zeroCounts} was called for {@code index}. */
  public boolean countsZeroed(int index) {
    return zeroed != null && zeroed[index];
  }
}
