package io.karuta.deploy.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A values file the chart is rendered with: the defaults alone, or one of the chart's {@code ci/}
 * files.
 *
 * @param name what the test reports
 * @param file the values file, or {@code null} for the defaults alone
 */
record ValueSet(String name, Path file) {
  static final ValueSet DEFAULTS = new ValueSet("defaults (memory store)", null);
  static final ValueSet REDIS_STANDALONE = ci("redis-standalone-values.yaml");
  static final ValueSet REDIS_HA = ci("redis-ha-values.yaml");
  static final ValueSet EXISTING_SECRET = ci("existing-secret-values.yaml");
  static final ValueSet SERVICE_MONITOR = ci("servicemonitor-values.yaml");

  /** Every value set, for parameterized tests. */
  static List<ValueSet> all() {
    return List.of(DEFAULTS, REDIS_STANDALONE, REDIS_HA, EXISTING_SECRET, SERVICE_MONITOR);
  }

  private static ValueSet ci(String file) {
    return new ValueSet(file, Chart.values(file));
  }

  /** The name of the Secret existing-secret-values.yaml points at. */
  static final String EXISTING_SECRET_NAME = "karuta-secrets";

  /**
   * Returns the Secrets that exist before the release: for {@link #EXISTING_SECRET}, the one its
   * operator made, with a UDP key and the Redis URL with a password.
   */
  PodEnvironment existingSecrets() {
    PodEnvironment secrets = new PodEnvironment();
    if (this.equals(EXISTING_SECRET)) {
      secrets.with(
          EXISTING_SECRET_NAME,
          Map.of(
              "udp-private-key", "operator-made-key",
              "redis-url", "redis://:operator%20pw@redis.tracker.svc:6379"));
    }
    return secrets;
  }

  /** Renders the chart with these values and reads its pod, with {@link #existingSecrets}. */
  KarutaPod pod(Path dir) {
    return KarutaPod.of(render(), existingSecrets(), dir);
  }

  /** Renders the chart with these values. */
  Manifests render() {
    return Chart.render(file, Map.of());
  }

  /**
   * Returns a value of the file by its dotted path, such as {@code secret.redisPassword}.
   *
   * @throws AssertionError when the file does not set it
   */
  Object get(String path) {
    Object node = contents();
    for (String key : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        throw new AssertionError(name + " sets no " + path);
      }
      node = map.get(key);
    }
    return node;
  }

  private Object contents() {
    if (file == null) {
      return Map.of();
    }
    try {
      return new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
