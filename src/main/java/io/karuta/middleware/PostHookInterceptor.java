package io.karuta.middleware;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the configured post-hooks in order around a {@link PostHooks} method. The reply has already
 * been sent, so a failing post-hook is logged and the others, and the swarm update, still run
 * (chihaya skips the swarm update after a failed post-hook, which loses the announce).
 */
@PostHooks
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PostHookInterceptor {
  private static final Logger LOG = Logger.getLogger(PostHookInterceptor.class.getName());

  @Inject HookChain chain;

  /** The chain's list, read once: it is fixed at start, and the chain is behind a client proxy. */
  private List<NamedHook> hooks;

  @AroundInvoke
  Object runPostHooks(InvocationContext invocation) throws Exception {
    RequestContext<?, ?> context = (RequestContext<?, ?>) invocation.getParameters()[0];
    for (NamedHook named : hooks()) {
      try {
        if (context instanceof AnnounceContext announce) {
          named.hook().handleAnnounce(announce);
        } else {
          named.hook().handleScrape((ScrapeContext) context);
        }
      } catch (RuntimeException | Error e) {
        // Even an Error (a hook's missing class, an assertion) must not cost the swarm update.
        LOG.log(Level.WARNING, e, () -> "post-hook '" + named.name() + "' failed");
      }
    }
    return context.swarmInteractionSkipped() ? null : invocation.proceed();
  }

  private List<NamedHook> hooks() {
    List<NamedHook> read = hooks;
    if (read == null) {
      read = chain.postHooks();
      hooks = read;
    }
    return read;
  }
}
