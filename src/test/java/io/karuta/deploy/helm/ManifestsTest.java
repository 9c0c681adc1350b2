package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict parsing the chart tests rely on rejects what Kubernetes would not take as meant. */
class ManifestsTest {
  private static final String DEPLOYMENT =
      """
      ---
      # Source: karuta/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: karuta
      spec:
        template:
          spec:
            containers:
              - name: karuta
                %s:
                  httpGet:
                    path: /health/ready
                    port: http
      """;

  @Test
  void readsAKnownKindIntoItsModelClass() {
    Manifests manifests = Manifests.parse(DEPLOYMENT.formatted("readinessProbe"));

    Deployment deployment = manifests.one(Deployment.class);
    assertEquals(
        "/health/ready",
        deployment
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getReadinessProbe()
            .getHttpGet()
            .getPath());
  }

  @Test
  void aFieldTheKindDoesNotHaveFailsTheParse() {
    AssertionError error =
        assertThrows(
            AssertionError.class, () -> Manifests.parse(DEPLOYMENT.formatted("readinesProbe")));

    assertTrue(error.getMessage().contains("readinesProbe"), error.getMessage());
    assertTrue(error.getMessage().startsWith("# Source: karuta/templates/deployment.yaml"));
  }

  @Test
  void aKindTheChartDoesNotRenderFailsTheParse() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Manifests.parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"));

    assertTrue(error.getMessage().contains("unexpected kind v1/Pod"), error.getMessage());
  }

  @Test
  void aDuplicateKeyFailsTheParse() {
    assertThrows(
        AssertionError.class,
        () -> Manifests.parse("apiVersion: v1\nkind: Service\nkind: Service\nmetadata: {}\n"));
  }
}
