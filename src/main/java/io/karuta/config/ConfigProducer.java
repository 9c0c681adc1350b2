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
    return load(ConfigProvider.getConfig());
  }

  /** Reads {@code config}, logging the redacted dump after a successful read. */
  static TrackerConfig load(Config config) {
    TrackerConfig tracker = ConfigReader.read(config);
    LOG.info(ConfigDump.render(ConfigLookup.of(config)));
    return tracker;
  }
}
