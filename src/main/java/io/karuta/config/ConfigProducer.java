package io.karuta.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the validated {@link TrackerConfig} for injection, read once from MicroProfile Config,
 * and logs the resolved configuration (secrets redacted) once at INFO. {@link
 * io.karuta.startup.TrackerStartup} asks for it first when the application starts, so an invalid
 * one fails the deployment rather than a later request.
 *
 * <p>The product is {@link Singleton} rather than {@code ApplicationScoped}: a record is final, so
 * CDI cannot proxy it for a normal scope. The effect is the same: one instance, made on first use.
 *
 * <p>The configuration is the one of this application's class loader, not of the calling thread's
 * context class loader: on Payara, a health probe that arrives while the application deploys (a
 * container's health check, a Kubernetes startup probe) runs the checks on a thread of Payara's
 * health service, and if it is the first to ask, the thread's loader would give the server's
 * configuration, without Karuta's YAML file and defaults, for the rest of the application's life.
 */
@ApplicationScoped
public class ConfigProducer {
  private static final Logger LOG = Logger.getLogger(ConfigProducer.class.getName());

  /**
   * Returns the tracker's settings.
   *
   * @throws ConfigException when the file cannot be loaded or a setting is invalid; the deployment
   *     then fails
   */
  @Produces
  @Singleton
  public TrackerConfig trackerConfig() {
    return load(ConfigProvider.getConfig(ConfigProducer.class.getClassLoader()));
  }

  /** Reads {@code config}, logging the redacted dump after a successful read. */
  static TrackerConfig load(Config config) {
    TrackerConfig tracker = ConfigReader.read(config);
    LOG.info(ConfigDump.render(ConfigLookup.of(config)));
    return tracker;
  }
}
