package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a container starts with, as the kubelet builds it from the container's {@code
 * env}: literal values, and Secret keys ({@code secretKeyRef}), where an {@code optional} key that
 * is missing leaves the variable out and a required one stops the container.
 */
final class PodEnvironment {
  private final Map<String, Map<String, String>> secrets = new HashMap<>();

  /** Adds a Secret the pod may read, its data decoded. */
  PodEnvironment with(Secret secret) {
    Map<String, String> data = new HashMap<>();
    secret
        .getData()
        .forEach(
            (key, base64) ->
                data.put(
                    key, new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
    return with(secret.getMetadata().getName(), data);
  }

  /** Adds a Secret the pod may read, by name and decoded data. */
  PodEnvironment with(String name, Map<String, String> data) {
    secrets.put(name, Map.copyOf(data));
    return this;
  }

  /**
   * Returns the container's variables.
   *
   * @throws AssertionError where the kubelet would not start the container, or for a source this
   *     class does not model
   */
  Map<String, String> of(Container container) {
    Map<String, String> environment = new LinkedHashMap<>();
    assertTrue(container.getEnvFrom().isEmpty(), "envFrom is not modelled");
    for (EnvVar variable : container.getEnv()) {
      assertFalse(environment.containsKey(variable.getName()), "twice: " + variable.getName());
      if (variable.getValueFrom() == null) {
        // The kubelet would expand $(NAME) references; the chart writes none.
        assertFalse(variable.getValue().contains("$("), variable.getName());
        environment.put(variable.getName(), variable.getValue());
        continue;
      }
      SecretKeySelector ref = variable.getValueFrom().getSecretKeyRef();
      assertNotNull(ref, variable.getName() + ": only secretKeyRef is modelled");
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      Map<String, String> secret = secrets.get(ref.getName());
      if (secret == null || !secret.containsKey(ref.getKey())) {
        if (!optional) {
          fail(variable.getName() + ": Secret " + ref.getName() + " has no key " + ref.getKey());
        }
        continue;
      }
      environment.put(variable.getName(), secret.get(ref.getKey()));
    }
    return environment;
  }
}
