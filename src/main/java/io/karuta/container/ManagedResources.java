package io.karuta.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Produces the container's default managed scheduled executor and thread factory. Both are provided
 * by every Jakarta EE 10 server (Payara, WildFly), and their threads carry the application's
 * context.
 */
@ApplicationScoped
public class ManagedResources {
  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threadFactory;

  @Produces
  @Maintenance
  ScheduledExecutorService maintenance() {
    return scheduler;
  }

  @Produces
  @LongRunning
  ThreadFactory longRunning() {
    return threadFactory;
  }
}
