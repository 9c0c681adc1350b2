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
import io.karuta.storage.PeerRole;
import io.karuta.storage.PeerStore;
import io.karuta.storage.SwarmView;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in last pre-hook: fills counts and peers from the store (chihaya's response hook,
 * middleware/hooks.go). The configured pre-hooks run first, through {@link PreHooks}. Thread-safe.
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
   * Sets the counts of the requester's swarm (its address family only) as this announce leaves it,
   * and up to {@code numwant} peers chosen by the store. The swarm is written after the reply, so
   * the counts are those read now, adjusted by the role the announce moves the requester from and
   * to ({@link SwarmRules}); they equal what a scrape right after the announce returns. When a
   * pre-hook skipped the swarm update, nothing moves. When no peer is found, the requester itself
   * is the one peer, counted only as the swarm holds it: some clients expect to see themselves
   * (chihaya #231, #241).
   */
  public void announce(AnnounceContext context) {
    AnnounceRequest request = context.request();
    SwarmView view =
        store.announceView(
            request.infoHash(), request.seeding(), request.numWant(), request.peer());
    PeerRole before = view.announcerRole();
    PeerRole after = context.swarmInteractionSkipped() ? before : SwarmRules.roleAfter(request);
    int complete = SwarmRules.seedersAfter(view.counts().complete(), before, after);
    int incomplete = SwarmRules.leechersAfter(view.counts().incomplete(), before, after);
    List<Peer> peers = view.peers().isEmpty() ? List.of(request.peer()) : view.peers();
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
