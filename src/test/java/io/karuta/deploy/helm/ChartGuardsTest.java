package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that would deploy a broken tracker stop the rendering with a message that says what to
 * change; values that change the shape of the release change it as documented.
 */
class ChartGuardsTest {
  @TempDir Path dir;

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "no '" + part + "' in: " + message);
    }
  }

  @Test
  void twoPodsOnTheMemoryStoreDoNotRender() {
    String message = Chart.failure(null, Map.of("replicaCount", 2));

    assertContains(
        message,
        "replicaCount: 2 pods need the Redis store",
        "config.karuta.storage.name memory",
        "Set config.karuta.storage.name: redis",
        "or replicaCount: 1");
  }

  @Test
  void twoPodsOnRedisRender() {
    KarutaPod pod =
        KarutaPod.of(
            Chart.render(ValueSet.REDIS_STANDALONE.file(), Map.of("replicaCount", 2)), dir);

    assertEquals(2, pod.deployment.getSpec().getReplicas());
    assertEquals("redis", pod.config.storage().name());
  }

  @Test
  void aUdpKeyInTheConfigMapDoesNotRender() {
    String message = Chart.failure(null, Map.of("config.karuta.udp.private_key", "s3cret"));

    assertContains(message, "config.karuta.udp.private_key:", "secret.udpPrivateKey");
  }

  @Test
  void aPasswordInTheRedisUrlDoesNotRender() {
    String message =
        Chart.failure(
            ValueSet.REDIS_STANDALONE.file(),
            Map.of("config.karuta.storage.config.url", "redis://:pw@redis:6379"));

    assertContains(message, "config.karuta.storage.config.url:", "secret.redisPassword");
  }

  @Test
  void aMisspeltValueDoesNotRender() {
    String message = Chart.failure(null, Map.of("replicas", 2));

    assertContains(message, "values don't meet the specifications of the schema", "replicas");
  }

  @Test
  void aUdpAddressWithoutAFixedPortDoesNotRender() {
    String message = Chart.failure(null, Map.of("config.karuta.udp.addr", "[::]:0"));

    assertContains(message, "config.karuta.udp.addr:", "needs a fixed port");
  }

  @Test
  void anotherUdpPortMovesThePodPortNotTheServicePort() {
    KarutaPod pod =
        KarutaPod.of(Chart.render(null, Map.of("config.karuta.udp.addr", ":16881")), dir);

    assertEquals(16881, pod.config.udp().addr().orElseThrow().port());
    assertEquals(16881, pod.port("udp").getContainerPort());
    Service udp = ChartManifestsTest.udpService(pod);
    assertEquals("udp", udp.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    assertEquals(6969, udp.getSpec().getPorts().get(0).getPort());
  }

  @Test
  void udpOffLeavesOutTheUdpPortAndService() {
    KarutaPod pod = KarutaPod.of(Chart.render(null, Map.of("config.karuta.udp.addr", "")), dir);

    assertTrue(pod.config.udp().addr().isEmpty(), "Karuta still binds UDP");
    assertTrue(pod.findPort("udp").isEmpty());
    assertEquals(1, pod.manifests.all(Service.class).size());
  }

  @Test
  void aClusterIpUdpServiceHasNoTrafficPolicy() {
    // Kubernetes rejects externalTrafficPolicy on any type but NodePort and LoadBalancer.
    KarutaPod pod = KarutaPod.of(Chart.render(null, Map.of("service.udp.type", "ClusterIP")), dir);

    Service udp = ChartManifestsTest.udpService(pod);
    assertEquals("ClusterIP", udp.getSpec().getType());
    assertNull(udp.getSpec().getExternalTrafficPolicy());
  }
}
