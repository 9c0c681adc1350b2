package io.karuta.logic;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.TrackerConfig;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.RequestContext;
import io.karuta.middleware.ScrapeContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a frontend calls for each request, in two steps (chihaya's {@code TrackerLogic}):
 *
 * <ol>
 *   <li>{@link #announce} or {@link #scrape} runs the pre-hooks and the built-in response hook on
 *       the caller's thread and returns the context holding the response;
 *   <li>once the reply is sent, the frontend calls {@link #afterReply}, which runs the post-hooks
 *       and the swarm update on the same thread.
 * </ol>
 *
 * <p>The store is therefore only written after the reply: a peer's first announce never sees itself
 * in the store, and the client does not wait for the write. The work after the reply stays on the
 * request's thread on purpose: handing it to the container's managed executor cost more than the
 * whole request (Payara captures the thread context of every task by scanning class-path resources;
 * see docs/benchmarks.md), and a thread that finishes its own work needs no queue that could grow
 * under load. Requests must already be sanitised ({@link io.karuta.bittorrent.Sanitizer}).
 * Thread-safe.
 *
 * <p>{@code @Dependent}, like the other request-path beans, so callers hold the instance itself
 * rather than a client proxy: a proxy looks up its context on every call, which profiling showed as
 * a tenth of a UDP announce's CPU on Payara. It holds no state of its own.
 */
@Dependent
public class TrackerLogic {
  private static final Logger LOG = Logger.getLogger(TrackerLogic.class.getName());

  @Inject TrackerConfig config;
  @Inject ResponseHook responseHook;
  @Inject SwarmInteractionHook swarmInteractionHook;

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

  /**
   * Runs the post-hooks and the swarm update of an answered request on the caller's thread. Call it
   * once the reply is on its way. Never throws: failures are logged, the client has its reply.
   */
  public void afterReply(RequestContext<?, ?> context) {
    try {
      if (context instanceof AnnounceContext announce) {
        swarmInteractionHook.announce(announce);
      } else {
        swarmInteractionHook.scrape((ScrapeContext) context);
      }
    } catch (ClientError e) {
      // A store that cannot write says so with a client error and logs the outage itself.
    } catch (RuntimeException | Error e) {
      // The frontend thread must survive: on UDP it owns a socket that would go unanswered.
      LOG.log(Level.SEVERE, "work after the reply failed", e);
    }
  }

  /** Returns what the client sees of {@code e}: itself if it is a client error, else logged. */
  private static ClientError clientError(String action, RuntimeException e) {
    if (e instanceof ClientError clientError) {
      return clientError;
    }
    LOG.log(Level.SEVERE, e, () -> action + " failed");
    return ClientError.INTERNAL;
  }
}
