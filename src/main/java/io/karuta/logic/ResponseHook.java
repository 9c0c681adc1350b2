package io.karuta.logic;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.PreHooks;
import io.karuta.middleware.ScrapeContext;
import io.karuta.storage.PeerStore;
import io.karuta.storage.SwarmView;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in last pre-hook: fills counts and peers from the store (chihaya-spec.md §1.4). The
 * configured pre-hooks run first, through {@link PreHooks}. Thread-safe.
 *
 * <p>{@code @Dependent}, like the other request-path beans, so callers hold the instance itself
 * rather than a client proxy: a proxy looks up its context on every call, which profiling showed as
 * a tenth of a UDP announce's CPU on Payara. It holds no state of its own.
 */
@Dependent
@PreHooks
public class ResponseHook {
  @Inject PeerStore store;

  /**
   * Sets the counts of the requester's swarm (its address family only) and up to {@code numwant}
   * peers chosen by the store. When no peer is found, the requester itself is the one peer and is
   * added to the count of its role: some clients expect to see themselves (chihaya #231, #241).
   */
  public void announce(AnnounceContext context) {
    AnnounceRequest request = context.request();
    SwarmView view =
        store.announceView(
            request.infoHash(), request.seeding(), request.numWant(), request.peer());
    List<Peer> peers = view.peers();
    int complete = view.counts().complete();
    int incomplete = view.counts().incomplete();
    if (peers.isEmpty()) {
      peers = List.of(request.peer());
      if (request.seeding()) {
        complete++;
      } else {
        incomplete++;
      }
    }
    context.setResponse(context.response().withSwarm(complete, incomplete, peers));
  }

  /**
   * Sets one entry per requested info-hash, in request order, from the requester's address family;
   * unknown swarms count zero, and so do those a pre-hook hid ({@link ScrapeContext#zeroCounts}),
   * without asking the store.
   */
  public void scrape(ScrapeContext context) {
    ScrapeRequest request = context.request();
    List<InfoHash> infoHashes = request.infoHashes();
    List<Scrape> files = new ArrayList<>(infoHashes.size());
    for (int i = 0; i < infoHashes.size(); i++) {
      InfoHash infoHash = infoHashes.get(i);
      files.add(
          context.countsZeroed(i)
              ? Scrape.empty(infoHash)
              : store.scrapeSwarm(infoHash, request.family()));
    }
    context.setResponse(new ScrapeResponse(files));
  }
}
