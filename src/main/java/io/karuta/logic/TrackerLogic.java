package io.karuta.logic;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.TrackerConfig;
import io.karuta.container.AfterResponse;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.ScrapeContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a frontend calls for each request, in two steps (chihaya's {@code TrackerLogic}):
 *
 * <ol>
 *   <li>{@link #announce} or {@link #scrape} runs the pre-hooks and the built-in response hook on
 *       the caller's thread and returns the context holding the response;
 *   <li>after writing the reply, the frontend calls {@link #afterAnnounce} or {@link #afterScrape},
 *       which queues the post-hooks and the swarm update on the managed executor and returns at
 *       once.
 * </ol>
 *
 * <p>The store is therefore only written after the reply: a peer's first announce never sees itself
 * in the store. Requests must already be sanitised ({@link io.karuta.bittorrent.Sanitizer}).
 * Thread-safe.
 */
@ApplicationScoped
public class TrackerLogic {
  private static final Logger LOG = Logger.getLogger(TrackerLogic.class.getName());

  @Inject TrackerConfig config;
  @Inject ResponseHook responseHook;
  @Inject SwarmInteractionHook swarmInteractionHook;
  @Inject @AfterResponse Executor afterResponse;

  /**
   * Runs the pre-hooks and the response hook for an announce.
   *
   * @return the context, whose {@link AnnounceContext#response()} is the reply
   * @throws ClientError a hook's rejection, or {@link ClientError#INTERNAL} for any other failure
   *     (which is logged)
   */
  public AnnounceContext announce(AnnounceRequest request) {
    AnnounceContext context =
        new AnnounceContext(
            request,
            AnnounceResponse.initial(config.announceInterval(), config.minAnnounceInterval()));
    try {
      responseHook.announce(context);
    } catch (RuntimeException e) {
      throw clientError("announce", e);
    }
    return context;
  }

  /**
   * Runs the pre-hooks and the response hook for a scrape.
   *
   * @return the context, whose {@link ScrapeContext#response()} is the reply
   * @throws ClientError a hook's rejection, or {@link ClientError#INTERNAL} for any other failure
   *     (which is logged)
   */
  public ScrapeContext scrape(ScrapeRequest request) {
    ScrapeContext context = new ScrapeContext(request);
    try {
      responseHook.scrape(context);
    } catch (RuntimeException e) {
      throw clientError("scrape", e);
    }
    return context;
  }

  /** Queues the post-hooks and the swarm update of an answered announce; never throws. */
  public void afterAnnounce(AnnounceContext context) {
    submit("announce", () -> swarmInteractionHook.announce(context));
  }

  /** Queues the post-hooks of an answered scrape; never throws. */
  public void afterScrape(ScrapeContext context) {
    submit("scrape", () -> swarmInteractionHook.scrape(context));
  }

  /** Returns what the client sees of {@code e}: itself if it is a client error, else logged. */
  private static ClientError clientError(String action, RuntimeException e) {
    if (e instanceof ClientError clientError) {
      return clientError;
    }
    LOG.log(Level.SEVERE, e, () -> action + " failed");
    return ClientError.INTERNAL;
  }

  private void submit(String action, Runnable work) {
    try {
      afterResponse.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.log(Level.SEVERE, e, () -> "post-" + action + " work failed");
            }
          });
    } catch (RejectedExecutionException e) {
      // Shutting down or saturated: the client already has its reply, only the update is lost.
      LOG.log(Level.WARNING, "post-{0} work rejected by the executor", action);
    }
  }
}
