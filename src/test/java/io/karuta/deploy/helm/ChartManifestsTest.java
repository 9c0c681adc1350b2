package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.karuta.bittorrent.IpAddress;
import io.karuta.config.ListenAddress;
import io.karuta.storage.redis.RedisStoreConfig;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every value set, the rendered Deployment, Services, PodDisruptionBudget and scrape settings
 * match what Karuta serves: its ports, its health checks, and the image's unprivileged user.
 */
class ChartManifestsTest {
  /** The user docker/Dockerfile runs the tracker as. */
  private static final long IMAGE_UID = 1000;

  /**
   * The paths MicroProfile Health 4.0 serves each kind of check on (its "Protocol and wire format":
   * {@code /health/live}, {@code /health/ready}, {@code /health/started}).
   */
  private static final Map<Class<? extends Annotation>, String> HEALTH_PATHS =
      Map.of(
          Liveness.class, "/health/live",
          Readiness.class, "/health/ready",
          Startup.class, "/health/started");

  @TempDir Path dir;

  static List<ValueSet> valueSets() {
    return ValueSet.all();
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void containerPortsAreTheOnesKarutaListensOn(ValueSet values) {
    KarutaPod pod = values.pod(dir);

    ContainerPort http = pod.port("http");
    Integer bakedIn = Integer.getInteger("test.karuta.http-port");
    assertNotNull(bakedIn, "test.karuta.http-port is unset: run the tests through Maven");
    assertEquals(bakedIn, http.getContainerPort());
    assertEquals("TCP", http.getProtocol());
    ListenAddress udpAddress = pod.config.udp().addr().orElseThrow();
    ContainerPort udp = pod.port("udp");
    assertEquals(udpAddress.port(), udp.getContainerPort());
    assertEquals("UDP", udp.getProtocol());
    assertEquals(2, pod.container.getPorts().size(), "ports: " + pod.container.getPorts());
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void servicesReachTheContainerPortsOfTheirProtocol(ValueSet values) {
    KarutaPod pod = values.pod(dir);
    List<Service> services = pod.manifests.all(Service.class);

    assertEquals(2, services.size(), "services");
    for (Service service : services) {
      assertEquals(1, service.getSpec().getPorts().size(), service.getMetadata().getName());
      ServicePort port = service.getSpec().getPorts().get(0);
      ContainerPort target = pod.port(port.getTargetPort().getStrVal());
      assertEquals(target.getProtocol(), port.getProtocol(), service.getMetadata().getName());
      // Clients use the ports Karuta listens on: the chart's default Service ports are 6969 too.
      assertEquals(target.getContainerPort(), port.getPort(), service.getMetadata().getName());
      assertSelects(service.getSpec().getSelector(), pod);
    }
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void theUdpServiceKeepsThePeersAddresses(ValueSet values) {
    KarutaPod pod = values.pod(dir);

    Service udp = udpService(pod);
    assertTrue(Set.of("LoadBalancer", "NodePort").contains(udp.getSpec().getType()));
    assertEquals("Local", udp.getSpec().getExternalTrafficPolicy());
    assertEquals("UDP", udp.getSpec().getPorts().get(0).getProtocol());
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void probesAskKarutasHealthChecksOnTheHttpPort(ValueSet values) throws Exception {
    KarutaPod pod = values.pod(dir);
    Map<Class<? extends Annotation>, Probe> probes =
        Map.of(
            Liveness.class, pod.container.getLivenessProbe(),
            Readiness.class, pod.container.getReadinessProbe(),
            Startup.class, pod.container.getStartupProbe());
    Set<Class<? extends Annotation>> karutaChecks = karutaHealthCheckKinds();

    for (var entry : probes.entrySet()) {
      Probe probe = entry.getValue();
      String kind = entry.getKey().getSimpleName();
      assertNotNull(probe, kind);
      assertTrue(karutaChecks.contains(entry.getKey()), "Karuta has no " + kind + " check");
      assertEquals(HEALTH_PATHS.get(entry.getKey()), probe.getHttpGet().getPath(), kind);
      ContainerPort port = pod.port(probe.getHttpGet().getPort().getStrVal());
      assertEquals("TCP", port.getProtocol(), kind);
      assertEquals(pod.port("http"), port, kind);
    }
    // A probe that times out before the store does makes a slow Redis look like a dead one.
    Duration storeWait = Duration.ZERO;
    if (pod.config.storage().name().equals("redis")) {
      RedisStoreConfig redis = RedisStoreConfig.from(pod.config.storage().options());
      storeWait = redis.connectTimeout().plus(redis.readTimeout());
    }
    Duration probeWait = Duration.ofSeconds(pod.container.getReadinessProbe().getTimeoutSeconds());
    assertTrue(probeWait.compareTo(storeWait) > 0, probeWait + " <= " + storeWait);
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void runsUnprivilegedOnAReadOnlyRootWithAWritableTmp(ValueSet values) {
    KarutaPod pod = values.pod(dir);

    PodSecurityContext podContext = pod.spec.getSecurityContext();
    assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot());
    assertEquals(IMAGE_UID, podContext.getRunAsUser());
    SecurityContext context = pod.container.getSecurityContext();
    assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem());
    assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation());
    assertEquals(List.of("ALL"), context.getCapabilities().getDrop());
    assertEquals(List.of(), context.getCapabilities().getAdd());
    assertEquals(Boolean.FALSE, pod.spec.getAutomountServiceAccountToken());

    VolumeMount tmp = pod.mountAt("/tmp").orElseThrow(() -> new AssertionError("no /tmp"));
    assertNotNull(pod.volume(tmp.getName()).getEmptyDir(), "/tmp is not an emptyDir");
    for (VolumeMount mount : pod.container.getVolumeMounts()) {
      if (mount != tmp) {
        assertEquals(Boolean.TRUE, mount.getReadOnly(), mount.getMountPath());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void aDisruptionBudgetCoversThePods(ValueSet values) {
    KarutaPod pod = values.pod(dir);

    PodDisruptionBudget budget = pod.manifests.one(PodDisruptionBudget.class);
    assertEquals(
        pod.deployment.getSpec().getSelector().getMatchLabels(),
        budget.getSpec().getSelector().getMatchLabels());
    assertSelects(budget.getSpec().getSelector().getMatchLabels(), pod);
    // One at a time, and a drain of a single-pod release can proceed.
    assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
    assertNull(budget.getSpec().getMinAvailable());
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void prometheusFindsTheMetricsAndMayReadThem(ValueSet values) {
    KarutaPod pod = values.pod(dir);
    Map<String, String> annotations =
        pod.deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    List<ServiceMonitor> monitors = pod.manifests.all(ServiceMonitor.class);

    String path;
    if (annotations.containsKey("prometheus.io/scrape")) {
      assertEquals("true", annotations.get("prometheus.io/scrape"));
      assertEquals(
          String.valueOf(pod.port("http").getContainerPort()),
          annotations.get("prometheus.io/port"));
      path = annotations.get("prometheus.io/path");
    } else {
      assertEquals(1, monitors.size(), "neither annotations nor a ServiceMonitor");
      ServiceMonitor monitor = monitors.get(0);
      Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
      // A ServiceMonitor selects Services by their labels, then their ports by name.
      List<ServicePort> scraped =
          pod.manifests.all(Service.class).stream()
              .filter(s -> labelsMatch(monitor.getSpec().getSelector().getMatchLabels(), s))
              .flatMap(s -> s.getSpec().getPorts().stream())
              .filter(p -> endpoint.getPort().equals(p.getName()))
              .toList();
      assertEquals(1, scraped.size(), "scraped ports");
      assertEquals(pod.port("http"), pod.port(scraped.get(0).getTargetPort().getStrVal()));
      path = endpoint.getPath();
    }
    assertTrue(Set.of("/stats/metrics", "/metrics").contains(path), path);
    if (path.equals("/stats/metrics")) {
      // Karuta's endpoint answers only stats.allowed_networks: a pod address must be among them.
      for (String podAddress :
          List.of("10.244.1.7", "172.17.0.5", "192.168.3.4", "fd00:10:244::7")) {
        assertTrue(pod.config.stats().allows(IpAddress.parse(podAddress)), podAddress);
      }
      assertFalse(pod.config.stats().allows(IpAddress.parse("203.0.113.9")), "public address");
    }
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void aChangedConfigurationRollsThePods(ValueSet values) {
    String before = checksum(Chart.render(values.file(), Map.of()));
    String again = checksum(Chart.render(values.file(), Map.of()));
    String after =
        checksum(Chart.render(values.file(), Map.of("config.karuta.announce_interval", "20m")));

    assertEquals(before, again);
    assertNotEquals(before, after);
  }

  private static String checksum(Manifests manifests) {
    return manifests
        .one(Deployment.class)
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  static Service udpService(KarutaPod pod) {
    List<Service> udp =
        pod.manifests.all(Service.class).stream()
            .filter(
                s -> s.getSpec().getPorts().stream().anyMatch(p -> "UDP".equals(p.getProtocol())))
            .toList();
    assertEquals(1, udp.size(), "UDP services");
    return udp.get(0);
  }

  private static void assertSelects(Map<String, String> selector, KarutaPod pod) {
    assertFalse(selector.isEmpty(), "empty selector");
    Map<String, String> labels = pod.deployment.getSpec().getTemplate().getMetadata().getLabels();
    selector.forEach((key, value) -> assertEquals(value, labels.get(key), key));
  }

  /** The MicroProfile Health kinds of the checks in io.karuta.health, read from its classes. */
  private static Set<Class<? extends Annotation>> karutaHealthCheckKinds()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(ChartManifestsTest.class.getClassLoader().getResource("io/karuta/health").toURI());
    Set<Class<? extends Annotation>> kinds = new HashSet<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName("io.karuta.health." + name.replace(".class", ""));
        if (HealthCheck.class.isAssignableFrom(type)) {
          HEALTH_PATHS.keySet().stream().filter(type::isAnnotationPresent).forEach(kinds::add);
        }
      }
    }
    return kinds;
  }

  private static boolean labelsMatch(Map<String, String> selector, Service service) {
    Map<String, String> labels = service.getMetadata().getLabels();
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
