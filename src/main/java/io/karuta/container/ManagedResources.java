package io.karuta.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Produces the container's default managed executors. Both are provided by every Jakarta EE 10
 * server (Payara, WildFly), and their threads carry the application's context.
 */
@ApplicationScoped
public class ManagedResources {
  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  @Produces
  @AfterResponse
  Executor afterResponse() {
    return executor;
  }

  @Produces
  @Maintenance
  ScheduledExecutorService maintenance() {
    return scheduler;
  }
}
