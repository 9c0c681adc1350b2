package io.karuta.middleware;

import io.karuta.config.Options;
import java.util.Set;

/**
 * A step of the request pipeline, named in the YAML {@code prehooks} or {@code posthooks} list.
 *
 * <p><b>Writing one.</b> A hook is a CDI bean with {@code @Dependent} scope and {@code
 * @jakarta.inject.Named("my hook")}; the name is what operators write in the YAML list. Every entry
 * of the lists gets its own instance, configured once by {@link #configure} with that entry's {@code
 * options}, before the first request. The tracker runs the entries in list order.
 *
 * <p><b>What a hook may do.</b> Reject the request by throwing a {@link
 * io.karuta.bittorrent.ClientError} with a fixed message (the first rejection stops the chain and
 * becomes the client's {@code failure reason}); replace the response ({@link
 * AnnounceContext#setResponse}); switch off the built-in response hook or swarm update for this
 * request ({@link RequestContext#skipResponseHook()}, {@link
 * RequestContext#skipSwarmInteraction()}); and leave data for the post-hooks of the same request
 * ({@link RequestContext#put}). Any other exception is shown to the client as {@code internal server
 * error} and logged.
 *
 * <p><b>Threads.</b> One instance serves all requests at once, so a hook must be thread-safe; the
 * context it is handed belongs to one request and one thread at a time. Post-hooks run after the
 * reply was sent, on the request's thread, and their failures are only logged. A slow post-hook
 * therefore slows the frontend thread that runs it: hand long work to a queue of your own.
 */
public interface Hook {

  /**
   * Reads this list entry's options; called once, before any request. The default accepts no
   * options at all.
   *
   * @throws io.karuta.config.ConfigException naming the bad option; the tracker does not start
   */
  default void configure(Options options) {
    options.rejectUnknown(Set.of());
  }

  /**
   * Reads this list entry's options, knowing which entry it is; Karuta calls this one, once, before
   * any request. The default calls {@link #configure(Options)}; override this one instead when the
   * hook names its entry in log lines.
   *
   * @param entry the list entry, such as {@code karuta.prehooks[0]}
   * @throws io.karuta.config.ConfigException naming the bad option; the tracker does not start
   */
  default void configure(Options options, String entry) {
    configure(options);
  }

  /** Handles an announce. The default does nothing. */
  default void handleAnnounce(AnnounceContext context) {}

  /** Handles a scrape. The default does nothing. */
  default void handleScrape(ScrapeContext context) {}
}
