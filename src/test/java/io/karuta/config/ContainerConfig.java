package io.karuta.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Karuta's configuration as a container sees it: a YAML file named by an environment variable and
 * the environment over it, read by MicroProfile Config (SmallRye Config) with the sources and
 * ordinals of a server. For tests of deployment files (the Helm chart) outside this package.
 */
public final class ContainerConfig {
  private ContainerConfig() {}

  /**
   * Returns the file Karuta would load in this environment, without system properties.
   *
   * @param environment the container's variables
   */
  public static Optional<String> configFile(Map<String, String> environment) {
    return Optional.ofNullable(YamlConfigSource.locate(key -> null, environment::get));
  }

  /**
   * Reads and validates the configuration from {@code file}, overridden by {@code environment}
   * exactly as environment variables override it on a server (MicroProfile Config's name mapping,
   * ordinal 300 over the file's 250).
   *
   * @param file a local copy of the file that the environment names
   * @throws ConfigException as at deployment: when the file cannot be loaded or a value is invalid
   */
  public static TrackerConfig read(Path file, Map<String, String> environment) {
    return ConfigReader.read(
        new SmallRyeConfigBuilder()
            .withSources(
                new DefaultsConfigSource(),
                new YamlConfigSource(file.toString()),
                new EnvConfigSource(Map.copyOf(environment), EnvConfigSource.ORDINAL))
            .build());
  }
}
