package io.karuta.startup;

import io.karuta.config.TrackerConfig;
import io.karuta.frontend.http.HttpFrontend;
import io.karuta.frontend.udp.UdpListener;
import io.karuta.middleware.HookChain;
import io.karuta.stats.StatsSampler;
import io.karuta.storage.PeerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Starts the tracker when the application starts, in this order: the configuration (read and
 * validated), the peer store, the hook chain, the HTTP frontend, the UDP frontend and the stats
 * sampler. A failure at any step stops the deployment with its message instead of failing the first
 * request; on Payara Micro it also ends the process ({@link StartFailure}).
 *
 * <p>Every part is looked up through a {@link Provider} or a client proxy, so that building it
 * happens inside {@link #onStart}, where a failure is caught, rather than when this bean is made.
 */
@ApplicationScoped
public class TrackerStartup {
  private static final Logger LOG = Logger.getLogger(TrackerStartup.class.getName());

  @Inject Provider<TrackerConfig> config;
  @Inject Provider<PeerStore> store;
  @Inject HookChain hooks;
  @Inject HttpFrontend http;
  @Inject UdpListener udp;
  @Inject StatsSampler stats;
  @Inject Event<Started> startedEvent;

  private volatile boolean started;

  /** Returns whether every part started without error. */
  public boolean isStarted() {
    return started;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    try {
      start();
    } catch (RuntimeException e) {
      StartFailure.report(e);
      throw e;
    } catch (IOException e) {
      StartFailure.report(e);
      throw new UncheckedIOException(e);
    }
  }

  private void start() throws IOException {
    TrackerConfig tracker = config.get();
    probeStore();
    hooks.preHookNames();
    http.start();
    udp.start(store.get().callerThreads());
    stats.start();
    started = true;
    startedEvent.fire(new Started());
    LOG.info(
        () ->
            "Karuta logic ready: interval "
                + tracker.announceInterval()
                + ", prehooks "
                + hooks.preHookNames()
                + ", posthooks "
                + hooks.postHookNames()
                + ", store "
                + tracker.storage().name()
                + ", HTTP announce routes "
                + tracker.http().announceRoutes()
                + ", scrape routes "
                + tracker.http().scrapeRoutes()
                + " on the server's HTTP listener");
  }

  // Getting the store makes it now, so a bad store setting stops the start.
  private void probeStore() {
    if (!store.get().isReachable()) {
      // A remote store that is down must not stop the start: the tracker answers with the fixed
      // failure meanwhile, and readiness reports DOWN until the store answers.
      LOG.warning("the peer store does not answer yet; readiness stays DOWN until it does");
    }
  }
}
