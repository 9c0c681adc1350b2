package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests of one rendering, each parsed into its Kubernetes model class.
 *
 * <p>Parsing is strict: a field the Kubernetes API does not define for that kind fails the parse,
 * naming the field. The fabric8 model classes would otherwise keep unknown fields aside (their
 * {@code additionalProperties}), so that a misspelt {@code readinesProbe} would pass unnoticed; the
 * mapper here drops that catch-all. So does every kind the chart is not expected to render.
 */
final class Manifests {
  /** The kinds the chart renders, by {@code apiVersion/kind}. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

  private static final YAMLMapper STRICT =
      YAMLMapper.builder()
          .addModule(
              new SimpleModule("no-unknown-fields").setDeserializerModifier(new NoCatchAll()))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final List<HasMetadata> all;

  private Manifests(List<HasMetadata> all) {
    this.all = List.copyOf(all);
  }

  /**
   * Parses Helm's output: YAML documents separated by {@code ---} lines, each headed by a {@code #
   * Source:} comment.
   *
   * @throws AssertionError naming the template of a document that does not parse
   */
  static Manifests parse(String rendered) {
    List<HasMetadata> parsed = new ArrayList<>();
    for (String document : rendered.split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      String source =
          document.lines().filter(l -> l.startsWith("# Source:")).findFirst().orElse("(no source)");
      try {
        JsonNode tree = STRICT.readTree(document);
        String kind = tree.path("apiVersion").asString() + "/" + tree.path("kind").asString();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        assertNotNull(type, source + ": unexpected kind " + kind);
        parsed.add(STRICT.readValue(document, type));
      } catch (RuntimeException e) {
        throw new AssertionError(source + ": " + e.getMessage() + "\n" + document, e);
      }
    }
    return new Manifests(parsed);
  }

  /** Returns every manifest of a kind, in rendering order. */
  <T extends HasMetadata> List<T> all(Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Returns the one manifest of a kind, failing when there are none or several. */
  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertEquals(1, found.size(), () -> type.getSimpleName() + " manifests: " + found.size());
    return found.get(0);
  }

  /** Returns the manifest of a kind with a name, if rendered. */
  <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
    return all(type).stream().filter(m -> name.equals(m.getMetadata().getName())).findFirst();
  }

  /** Removes the any-setter of every model class, so an unknown field is an error. */
  private static final class NoCatchAll extends ValueDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config,
        BeanDescription.Supplier beanDesc,
        BeanDeserializerBuilder builder) {
      builder.setAnySetter(null);
      return builder;
    }
  }
}
