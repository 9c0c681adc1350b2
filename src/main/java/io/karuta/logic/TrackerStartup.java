package io.karuta.logic;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.InfoHash;
import io.karuta.config.TrackerConfig;
import io.karuta.middleware.HookChain;
import io.karuta.storage.PeerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Builds the configuration, the hook chain and the peer store when the application starts, so a
 * configuration error stops the deployment at once, with its message, instead of failing the first
 * request.
 */
@ApplicationScoped
public class TrackerStartup {
  private static final Logger LOG = Logger.getLogger(TrackerStartup.class.getName());

  private static final InfoHash PROBE = InfoHash.of(new byte[InfoHash.LENGTH]);

  @Inject TrackerConfig config;
  @Inject HookChain hooks;
  @Inject PeerStore store;

  private volatile boolean started;

  /** Returns whether the configuration, hooks and store were built without error. */
  public boolean isStarted() {
    return started;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Calling a method forces the beans to be created now, so a bad store setting stops the start.
    try {
      store.scrapeSwarm(PROBE, AddressFamily.IPV4);
    } catch (ClientError unreachable) {
      // A remote store that is down must not stop the start: the tracker answers with the fixed
      // failure meanwhile, and readiness reports DOWN until the store answers.
      LOG.warning("the peer store does not answer yet; readiness stays DOWN until it does");
    }
    started = true;
    LOG.info(
        () ->
            "Karuta logic ready: interval "
                + config.announceInterval()
                + ", prehooks "
                + hooks.preHookNames()
                + ", posthooks "
                + hooks.postHookNames()
                + ", store "
                + config.storage().name()
                + ", HTTP announce routes "
                + config.http().announceRoutes()
                + ", scrape routes "
                + config.http().scrapeRoutes()
                + " on the server's HTTP listener");
  }
}
