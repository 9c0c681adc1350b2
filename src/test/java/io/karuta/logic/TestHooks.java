package io.karuta.logic;

import io.karuta.bittorrent.ClientError;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.ContextKey;
import io.karuta.middleware.Hook;
import io.karuta.middleware.ScrapeContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/** Hooks as an integrator would write them, used by {@link TrackerLogicCdiTest}. */
final class TestHooks {
  private TestHooks() {}

  /** Writes "announce &lt;label&gt;" or "scrape &lt;label&gt;" to the journal. */
  @Dependent
  @Named("recording")
  public static class Recording implements Hook {
    @Inject Journal journal;
    private String label;

    @Override
    public void configure(Options options) {
      options.rejectUnknown(Set.of("label"));
      label = options.string("label", "unlabelled");
    }

    @Override
    public void handleAnnounce(AnnounceContext context) {
      journal.add("announce " + label);
    }

    @Override
    public void handleScrape(ScrapeContext context) {
      journal.add("scrape " + label);
    }
  }

  /** Rejects every announce with a fixed message. */
  @Dependent
  @Named("reject")
  public static class Reject implements Hook {
    static final ClientError UNAPPROVED = new ClientError("unapproved test request");

    @Override
    public void handleAnnounce(AnnounceContext context) {
      throw UNAPPROVED;
    }
  }

  /** Switches off the built-in hooks named in its options. */
  @Dependent
  @Named("skip")
  public static class Skip implements Hook {
    private boolean response;
    private boolean swarm;

    @Override
    public void configure(Options options) {
      options.rejectUnknown(Set.of("response", "swarm"));
      response = options.bool("response", false);
      swarm = options.bool("swarm", false);
    }

    @Override
    public void handleAnnounce(AnnounceContext context) {
      if (response) {
        context.skipResponseHook();
      }
      if (swarm) {
        context.skipSwarmInteraction();
      }
    }
  }

  /** As a pre-hook leaves the client's {@code key} for itself as a post-hook, which journals it. */
  @Dependent
  @Named("hand over")
  public static class HandOver implements Hook {
    static final ContextKey<String> CLIENT_KEY = ContextKey.of("client key", String.class);
    @Inject Journal journal;

    @Override
    public void handleAnnounce(AnnounceContext context) {
      var handed = context.get(CLIENT_KEY);
      if (handed.isPresent()) {
        journal.add("post-hook got " + handed.get());
      } else {
        context.put(CLIENT_KEY, context.request().params().get("key"));
      }
    }
  }

  /** Adds an hour to both intervals, as interval variation does with its random delta. */
  @Dependent
  @Named("longer")
  public static class Longer implements Hook {
    @Override
    public void handleAnnounce(AnnounceContext context) {
      var response = context.response();
      context.setResponse(
          response.withIntervals(
              response.interval().plusHours(1), response.minInterval().plusHours(1)));
    }
  }

  /** Fails the way a buggy hook does. */
  @Dependent
  @Named("broken")
  public static class Broken implements Hook {
    @Override
    public void handleAnnounce(AnnounceContext context) {
      throw new IllegalStateException("bug in a hook: secret-detail");
    }
  }
}
