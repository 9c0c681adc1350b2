package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static io.karuta.config.Asserts.configError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.testing.LogCapture;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigProducerTest {
  @TempDir Path dir;

  /** A bean that receives the configuration by injection, as the tracker's components do. */
  @ApplicationScoped
  static class Consumer {
    @Inject TrackerConfig config;

    TrackerConfig config() {
      return config;
    }
  }

  @Test
  void producesOneConfigurationAndLogsItOnce() {
    List<String> infos;
    try (LogCapture log = LogCapture.of(ConfigProducer.class);
        WeldContainer container =
            new Weld()
                .disableDiscovery()
                .addBeanClasses(ConfigProducer.class, Consumer.class)
                .initialize()) {
      TrackerConfig first = container.select(TrackerConfig.class).get();
      TrackerConfig injected = container.select(Consumer.class).get().config();

      assertSame(first, injected);
      assertEquals(Duration.ofMinutes(30), first.announceInterval());
      infos = log.messages(Level.INFO);
    }

    assertEquals(1, infos.size(), infos.toString());
    assertContains(infos.get(0), "Karuta configuration:\n", "  karuta.storage.name = memory");
  }

  @Test
  void anInvalidConfigurationFailsWhenFirstAskedFor() {
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    ClassLoader application = ConfigProducer.class.getClassLoader();
    Config invalid =
        new SmallRyeConfigBuilder()
            .withSources(
                new DefaultsConfigSource(),
                new PropertiesConfigSource(Map.of("karuta.http.max_numwant", "abc"), "test", 400))
            .build();
    resolver.releaseConfig(resolver.getConfig(application));
    try {
      resolver.registerConfig(invalid, application);
      Weld weld = new Weld().disableDiscovery().addBeanClasses(ConfigProducer.class);
      Throwable failure;
      try (WeldContainer container = weld.initialize()) {
        // The tracker's start asks for the configuration first (TrackerStartupTest).
        failure =
            assertThrows(
                RuntimeException.class,
                () -> container.select(TrackerConfig.class).get().announceInterval());
      }
      while (!(failure instanceof ConfigException) && failure.getCause() != null) {
        failure = failure.getCause();
      }
      assertEquals(
          "karuta.http.max_numwant: 'abc' is not a whole number (allowed: 1 to 1000)",
          failure.getMessage());
    } finally {
      resolver.releaseConfig(invalid);
    }
  }

  /**
   * A first request on a thread whose context class loader sees none of Karuta's config sources (as
   * a Payara health probe during deployment) still gets the application's configuration, file
   * included.
   */
  @Test
  void readsTheApplicationsConfigurationWhateverTheThreadsContextClassLoader() throws Exception {
    Path file =
        Files.writeString(dir.resolve("karuta.yaml"), "karuta:\n  announce_interval: 20m\n");
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    ClassLoader application = ConfigProducer.class.getClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    // A fresh configuration of the application's loader, whose YAML source finds the property.
    resolver.releaseConfig(resolver.getConfig(application));
    System.setProperty(KnownKeys.CONFIG, file.toString());
    try (URLClassLoader bare =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(bare);
      TrackerConfig config = new ConfigProducer().trackerConfig();

      assertEquals(Duration.ofMinutes(20), config.announceInterval());
    } finally {
      thread.setContextClassLoader(original);
      System.clearProperty(KnownKeys.CONFIG);
      resolver.releaseConfig(resolver.getConfig(application));
    }
  }

  @Test
  void turnsALoadErrorIntoAConfigException() {
    Path missing = dir.resolve("missing.yaml");
    List<String> infos;
    String error;
    try (LogCapture log = LogCapture.of(ConfigProducer.class)) {
      error = configError(() -> ConfigProducer.load(ConfigReaderTest.fileConfig(missing)));
      infos = log.messages(Level.INFO);
    }

    assertContains(error, "karuta.config: " + missing + ": no such file");
    assertTrue(infos.isEmpty(), infos.toString());
  }
}
