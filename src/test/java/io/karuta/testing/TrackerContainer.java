package io.karuta.testing;

import io.karuta.config.ConfigLookup;
import io.karuta.config.ConfigReader;
import io.karuta.config.TrackerConfig;
import io.karuta.container.LongRunning;
import io.karuta.container.Maintenance;
import io.karuta.frontend.http.HttpFrontend;
import io.karuta.frontend.udp.UdpListener;
import io.karuta.logic.ResponseHook;
import io.karuta.logic.SwarmInteractionHook;
import io.karuta.logic.TrackerLogic;
import io.karuta.metrics.MetricsProducer;
import io.karuta.middleware.HookChain;
import io.karuta.middleware.PostHookInterceptor;
import io.karuta.middleware.PreHookInterceptor;
import io.karuta.middleware.ReloadingFiles;
import io.karuta.net.ClientAddresses;
import io.karuta.startup.TrackerStartup;
import io.karuta.stats.StatsSampler;
import io.karuta.storage.PeerStoreProducer;
import io.karuta.storage.memory.MemoryStoreFactory;
import io.karuta.storage.redis.RedisStoreFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Starts the tracker's beans in a real Weld container, with plain JDK stand-ins for what the
 * application server provides: the configuration given by the test, an executor that runs
 * post-response work at once, plain threads, and a real scheduler.
 */
@ApplicationScoped
public class TrackerContainer {
  private static volatile Map<String, String> settings = Map.of();

  /**
   * Starts a container with the logic, hooks, interceptors and memory store, the given settings
   * (full keys such as {@code karuta.udp.addr}) and the test's own bean classes.
   */
  public static WeldContainer start(Map<String, String> config, Class<?>... beans) {
    settings = Map.copyOf(config);
    return new Weld()
        .disableDiscovery()
        .addBeanClasses(
            TrackerContainer.class,
            TrackerLogic.class,
            MetricsProducer.class,
            ResponseHook.class,
            SwarmInteractionHook.class,
            HookChain.class,
            PeerStoreProducer.class,
            ClientAddresses.class,
            MemoryStoreFactory.class,
            RedisStoreFactory.class,
            ReloadingFiles.class,
            // Enabled by their @Priority, as in the WAR.
            PreHookInterceptor.class,
            PostHookInterceptor.class)
        .addBeanClasses(beans)
        .initialize();
  }

  /**
   * Starts a container as {@link #start} does, plus the tracker's own start ({@link
   * TrackerStartup}) and every part it starts: the HTTP frontend, the UDP listener (set {@code
   * karuta.udp.addr}, to a free port or {@code ""}) and the stats sampler.
   */
  public static WeldContainer startTracker(Map<String, String> config, Class<?>... beans) {
    Class<?>[] all = Arrays.copyOf(beans, beans.length + 4);
    all[beans.length] = TrackerStartup.class;
    all[beans.length + 1] = HttpFrontend.class;
    all[beans.length + 2] = UdpListener.class;
    all[beans.length + 3] = StatsSampler.class;
    return start(config, all);
  }

  /**
   * Starts a container as {@link #start} does, builds the hook chain as the tracker's start-up
   * does, and returns the message of the innermost cause of the failure this is expected to give.
   *
   * @throws AssertionError if the start succeeds
   */
  public static String startError(Map<String, String> config, Class<?>... beans) {
    WeldContainer container = null;
    try {
      container = start(config, beans);
      container.select(HookChain.class).get().preHookNames();
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return root.getMessage();
    } finally {
      if (container != null) {
        container.shutdown();
      }
    }
    throw new AssertionError("the tracker started with " + config);
  }

  @Produces
  TrackerConfig config() {
    return ConfigReader.read(ConfigLookup.of(settings));
  }

  @Produces
  @LongRunning
  ThreadFactory threads() {
    return Executors.defaultThreadFactory();
  }

  @Produces
  @ApplicationScoped
  @Maintenance
  ScheduledExecutorService scheduler() {
    return Executors.newSingleThreadScheduledExecutor();
  }

  void stop(@Disposes @Maintenance ScheduledExecutorService scheduler) {
    scheduler.shutdownNow();
  }
}
