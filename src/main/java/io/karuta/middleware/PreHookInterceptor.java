package io.karuta.middleware;

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

  /** The chain's list, read once: it is fixed at start, and the chain is behind a client proxy. */
  private List<NamedHook> hooks;

  @AroundInvoke
  Object runPreHooks(InvocationContext invocation) throws Exception {
    RequestContext<?, ?> context = (RequestContext<?, ?>) invocation.getParameters()[0];
    for (NamedHook named : hooks()) {
      if (context instanceof AnnounceContext announce) {
        named.hook().handleAnnounce(announce);
      } else {
        named.hook().handleScrape((ScrapeContext) context);
      }
    }
    return context.responseHookSkipped() ? null : invocation.proceed();
  }

  private List<NamedHook> hooks() {
    List<NamedHook> read = hooks;
    if (read == null) {
      read = chain.preHooks();
      hooks = read;
    }
    return read;
  }
}
