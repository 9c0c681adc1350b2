package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.karuta.config.ContainerConfig;
import io.karuta.config.TrackerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Karuta container of a rendering, and the configuration Karuta would read in it: the file that
 * {@code KARUTA_CONFIG} names, found through the container's mounts in the ConfigMap the volume
 * names, with the container's environment (Secrets included) over it.
 */
final class KarutaPod {
  final Manifests manifests;
  final Deployment deployment;
  final PodSpec spec;
  final Container container;
  final Map<String, String> environment;
  final String configText;
  final TrackerConfig config;

  private KarutaPod(Manifests manifests, PodEnvironment secrets, Path dir) {
    this.manifests = manifests;
    this.deployment = manifests.one(Deployment.class);
    this.spec = deployment.getSpec().getTemplate().getSpec();
    assertEquals(1, spec.getContainers().size(), "containers");
    this.container = spec.getContainers().get(0);
    manifests.all(Secret.class).forEach(secrets::with);
    this.environment = secrets.of(container);
    Path file =
        Path.of(
            ContainerConfig.configFile(environment)
                .orElseThrow(() -> new AssertionError("no configuration file named")));
    this.configText = fileFromConfigMap(file);
    try {
      Path copy = dir.resolve(file.getFileName());
      Files.writeString(copy, configText);
      this.config = ContainerConfig.read(copy, environment);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the pod of a rendering whose Secrets are all rendered with it. */
  static KarutaPod of(Manifests manifests, Path dir) {
    return new KarutaPod(manifests, new PodEnvironment(), dir);
  }

  /** Reads the pod of a rendering, with Secrets that exist besides the rendered ones. */
  static KarutaPod of(Manifests manifests, PodEnvironment existing, Path dir) {
    return new KarutaPod(manifests, existing, dir);
  }

  /** Returns the container port of a name, which must exist. */
  ContainerPort port(String name) {
    return findPort(name).orElseThrow(() -> new AssertionError("no container port " + name));
  }

  /** Returns the container port of a name, if declared. */
  Optional<ContainerPort> findPort(String name) {
    return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  /** Returns the mount whose path is {@code path}. */
  Optional<VolumeMount> mountAt(String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> path.equals(m.getMountPath()))
        .findFirst();
  }

  /** Returns the pod's volume of a name, which must exist. */
  Volume volume(String name) {
    return spec.getVolumes().stream()
        .filter(v -> name.equals(v.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private String fileFromConfigMap(Path file) {
    VolumeMount mount =
        mountAt(file.getParent().toString())
            .orElseThrow(() -> new AssertionError("nothing mounted at " + file.getParent()));
    Volume volume = volume(mount.getName());
    assertNotNull(volume.getConfigMap(), mount.getName() + " is not a ConfigMap volume");
    ConfigMap configMap =
        manifests
            .named(ConfigMap.class, volume.getConfigMap().getName())
            .orElseThrow(() -> new AssertionError("no ConfigMap " + volume.getConfigMap()));
    String text = configMap.getData().get(file.getFileName().toString());
    assertNotNull(text, configMap.getMetadata().getName() + " has no key " + file.getFileName());
    return text;
  }
}
