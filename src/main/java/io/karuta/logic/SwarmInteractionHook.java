package io.karuta.logic;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.Event;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.PostHooks;
import io.karuta.middleware.ScrapeContext;
import io.karuta.storage.PeerStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The built-in last post-hook: stores what an announce says about its peer (chihaya's
 * swarm-interaction hook, middleware/hooks.go). The configured post-hooks run first, through {@link
 * PostHooks}. Thread-safe.
 *
 * <p>{@code @Dependent}, like the other request-path beans, so callers hold the instance itself
 * rather than a client proxy: a proxy looks up its context on every call, which profiling showed as
 * a tenth of a UDP announce's CPU on Payara. It holds no state of its own.
 */
@Dependent
@PostHooks
public class SwarmInteractionHook {
  @Inject PeerStore store;

  /**
   * Moves the peer into the role the announce leaves it in ({@link SwarmRules#roleAfter}): {@code
   * stopped} removes it; {@code completed} makes it a seeder and counts its download once; {@code
   * left=0} makes it a seeder (moving it out of the leechers); anything else makes it a leecher.
   * {@code paused} is a regular update.
   */
  public void announce(AnnounceContext context) {
    AnnounceRequest request = context.request();
    switch (SwarmRules.roleAfter(request)) {
      case ABSENT -> {
        if (!store.deleteSeeder(request.infoHash(), request.peer())) {
          store.deleteLeecher(request.infoHash(), request.peer());
        }
      }
      case SEEDER -> {
        if (request.event() == Event.COMPLETED) {
          store.graduateLeecher(request.infoHash(), request.peer());
        } else {
          store.putSeeder(request.infoHash(), request.peer());
        }
      }
      case LEECHER -> store.putLeecher(request.infoHash(), request.peer());
    }
  }

  /** A scrape changes no swarm; this step exists so post-hooks also run for scrapes. */
  public void scrape(ScrapeContext context) {
    // Nothing to store.
  }
}
