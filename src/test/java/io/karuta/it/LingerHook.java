package io.karuta.it;

import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A post-hook that lets a test hold the work after a reply: an announce carrying {@code
 * probe=linger} waits in this hook (at most 20 s) until an announce carrying {@code probe=release}
 * passes through it. The swarm update runs after the post-hooks, so while one waits, its peer is
 * not in the store yet, and the test can see that the reply did not wait for it.
 */
@Dependent
@Named("it linger")
public class LingerHook implements Hook {
  private static final Semaphore RELEASES = new Semaphore(0);

  @Override
  public void handleAnnounce(AnnounceContext context) {
    String probe = context.request().params().get("probe");
    if ("release".equals(probe)) {
      RELEASES.release();
    } else if ("linger".equals(probe)) {
      try {
        RELEASES.tryAcquire(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
