package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chart in {@code docker/helm/karuta}, rendered by Helm's own library (helm-java) as {@code
 * helm template karuta docker/helm/karuta -n bittorrent -f <values>} renders it.
 */
final class Chart {
  /** The chart's folder, from the project's root (Maven's working directory for tests). */
  static final Path DIR = Path.of("docker", "helm", "karuta");

  /** The release name the documentation installs under. */
  static final String RELEASE = "karuta";

  static final String NAMESPACE = "bittorrent";

  /**
   * The Kubernetes version rendered for: the oldest that the chart's {@code kubeVersion} admits.
   * Helm's library defaults to v1.20.0 where the helm command states its own client's version.
   */
  static final String KUBE_VERSION = "v1.21.0";

  private Chart() {}

  /** Returns a value set in the chart's {@code ci/} folder. */
  static Path values(String name) {
    return DIR.resolve("ci").resolve(name);
  }

  /**
   * Renders the chart and parses every manifest strictly.
   *
   * @param values a values file, or {@code null} for the chart's defaults only
   * @param sets {@code --set} values applied over it
   */
  static Manifests render(Path values, Map<String, Object> sets) {
    return Manifests.parse(template(values, sets).call());
  }

  /** Renders the chart with its defaults only. */
  static Manifests render() {
    return render(null, Map.of());
  }

  /** Returns Helm's error for values that must not render. */
  static String failure(Path values, Map<String, Object> sets) {
    TemplateCommand command = template(values, sets);
    return assertThrows(RuntimeException.class, command::call, "rendered").getMessage();
  }

  private static TemplateCommand template(Path values, Map<String, Object> sets) {
    FakeKubernetesApi.get();
    TemplateCommand command =
        new Helm(DIR)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    if (values != null) {
      command.withValuesFile(values);
    }
    sets.forEach(command::set);
    return command;
  }
}
