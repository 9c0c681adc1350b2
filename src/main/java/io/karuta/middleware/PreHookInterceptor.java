package io.karuta.middleware;

import io.karuta.bittorrent.ClientError;
import io.karuta.metrics.TrackerMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;

/**
 * Runs the configured pre-hooks in order around a {@link PreHooks} method. A hook's exception
 * propagates at once, so the first rejection aborts the chain and the built-in step.
 */
@PreHooks
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PreHookInterceptor {
  @Inject HookChain chain;
  @Inject TrackerMetrics metrics;

  /** The chain's hooks, read once: fixed at start, and the chain is behind a client proxy. */
  private volatile Counted[] hooks;

  /** A hook and the counter of its rejections. */
  private record Counted(Hook hook, TrackerMetrics.HookRejections rejections) {}

  @AroundInvoke
  Object runPreHooks(InvocationContext invocation) throws Exception {
    RequestContext<?, ?> context = (RequestContext<?, ?>) invocation.getParameters()[0];
    for (Counted counted : hooks()) {
      try {
        if (context instanceof AnnounceContext announce) {
          counted.hook().handleAnnounce(announce);
        } else {
          counted.hook().handleScrape((ScrapeContext) context);
        }
      } catch (ClientError e) {
        counted.rejections().count(e);
        throw e;
      }
    }
    return context.responseHookSkipped() ? null : invocation.proceed();
  }

  private Counted[] hooks() {
    Counted[] read = hooks;
    if (read == null) {
      read = count(chain.preHooks());
      hooks = read;
    }
    return read;
  }

  private synchronized Counted[] count(List<NamedHook> named) {
    if (hooks != null) {
      return hooks;
    }
    Counted[] counted = new Counted[named.size()];
    for (int i = 0; i < counted.length; i++) {
      NamedHook one = named.get(i);
      counted[i] = new Counted(one.hook(), metrics.hookRejections(one.name()));
    }
    return counted;
  }
}
