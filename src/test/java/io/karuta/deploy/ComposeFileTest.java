package io.karuta.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.IpNetwork;
import io.karuta.config.ConfigReader;
import io.karuta.config.DefaultsConfigSource;
import io.karuta.config.TrackerConfig;
import io.karuta.storage.redis.RedisStoreConfig;
import io.karuta.storage.redis.RedisTopology;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/compose.yaml}, which cannot run here (no Docker, no registry), checked as far as
 * files can be: it parses, names only its own services, files that exist and ports that Karuta,
 * Redis, Prometheus and Grafana serve; Karuta's own configuration reader accepts what it gives the
 * trackers; the Prometheus and Grafana files it mounts point back at its services.
 */
class ComposeFileTest {
  private static final Path DIR = Path.of("docker");
  private static final List<String> TRACKERS = List.of("karuta-1", "karuta-2");
  private static final Set<String> SERVICES =
      Set.of("redis", "karuta-1", "karuta-2", "prometheus", "grafana");

  /** What a user puts in docker/.env: only the key is required. */
  private static final Map<String, String> USER_ENV = Map.of("KARUTA_UDP_PRIVATE_KEY", "k3y");

  /** The ports the official images serve on, inside the compose network. */
  private static final int REDIS_PORT = 6379;

  private static final int PROMETHEUS_PORT = 9090;
  private static final int GRAFANA_PORT = 3000;

  private static Map<String, Object> compose;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws Exception {
    compose = (Map<String, Object>) Yamls.load(DIR.resolve("compose.yaml"));
    services = new TreeMap<>();
    ((Map<String, Object>) compose.get("services"))
        .forEach((name, service) -> services.put(name, (Map<String, Object>) service));
  }

  @Test
  void namesTheHaSetupsServicesAndDependsOnlyOnThem() {
    assertEquals(SERVICES, services.keySet());
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (String dependency : dependsOn(service.getValue())) {
        assertTrue(SERVICES.contains(dependency), service.getKey() + " depends on " + dependency);
      }
      assertEquals(List.of("karuta"), service.getValue().get("networks"), service.getKey());
    }
    for (String tracker : TRACKERS) {
      assertEquals(List.of("redis"), dependsOn(services.get(tracker)), tracker);
    }
    assertEquals(List.of("prometheus"), dependsOn(services.get("grafana")));
  }

  @Test
  void everyMountedFileAndTheBuildExist() {
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (Path source : mounts(service.getValue()).values()) {
        assertTrue(Files.exists(source), service.getKey() + " mounts " + source + ", missing");
      }
    }
    for (String tracker : TRACKERS) {
      Map<?, ?> build = (Map<?, ?>) services.get(tracker).get("build");
      Path context = DIR.resolve((String) build.get("context")).normalize();
      assertEquals(Path.of(""), context, "the build context is the repository root");
      assertEquals("docker/Dockerfile", build.get("dockerfile"), tracker);
      assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))));
    }
  }

  @Test
  void theTrackersPublishTheImagesPortsOnDistinctHostPorts() throws Exception {
    List<String> exposed = Dockerfile.read(DIR.resolve("Dockerfile")).exposed();
    Set<String> hostPorts = new HashSet<>();
    for (String tracker : TRACKERS) {
      List<String> containerPorts = new ArrayList<>();
      for (Object mapping : (List<?>) services.get(tracker).get("ports")) {
        String[] parts = ((String) mapping).split(":");
        assertEquals(2, parts.length, tracker + ": " + mapping);
        String protocol = parts[1].substring(parts[1].indexOf('/'));
        assertTrue(hostPorts.add(parts[0] + protocol), "host port used twice: " + mapping);
        containerPorts.add(parts[1]);
      }
      assertEquals(exposed, containerPorts, tracker);
    }
    assertEquals(
        List.of(PROMETHEUS_PORT + ":" + PROMETHEUS_PORT), services.get("prometheus").get("ports"));
    assertEquals(List.of(GRAFANA_PORT + ":" + GRAFANA_PORT), services.get("grafana").get("ports"));
  }

  @Test
  void theUdpKeyIsOneVariableThatComposeRequiresAndNoFileHolds() throws Exception {
    for (String tracker : TRACKERS) {
      String key = (String) environment(tracker).get("KARUTA_UDP_PRIVATE_KEY");
      assertTrue(key.startsWith("${KARUTA_UDP_PRIVATE_KEY:?"), tracker + ": " + key);
      assertThrows(
          ComposeVariables.Missing.class, () -> ComposeVariables.interpolate(key, Map.of()));
      assertEquals("k3y", ComposeVariables.interpolate(key, USER_ENV));
    }
    assertEquals(environment("karuta-1"), environment("karuta-2"), "one configuration for both");
    String example = Files.readString(DIR.resolve(".env.example"), StandardCharsets.UTF_8);
    assertTrue(example.contains("\nKARUTA_UDP_PRIVATE_KEY=\n"), "the example leaves the key empty");
    assertTrue(
        Files.readAllLines(Path.of(".gitignore")).contains("docker/.env"),
        "git ignores docker/.env");
  }

  @Test
  void karutaReadsTheTrackersEnvironmentAsRedisSharedWithStatsForTheComposeNetwork()
      throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    String documented =
        Files.readString(Path.of("docs", "configuration.md"), StandardCharsets.UTF_8);
    environment("karuta-1")
        .forEach(
            (name, value) -> {
              assertTrue(documented.contains("`" + name + "`"), name + " is no documented setting");
              env.put(
                  String.valueOf(name),
                  ComposeVariables.interpolate(String.valueOf(value), USER_ENV));
            });
    // The image's own file holds every key at its default (ExampleConfigTest), so the built-in
    // defaults stand for it.
    TrackerConfig config =
        ConfigReader.read(
            new SmallRyeConfigBuilder()
                .withSources(new DefaultsConfigSource(), new EnvConfigSource(env, 300))
                .build());
    assertEquals("redis", config.storage().name());
    RedisTopology topology = RedisStoreConfig.from(config.storage().options()).topology();
    assertTrue(topology instanceof RedisTopology.Standalone, topology.toString());
    RedisTopology.Standalone server = (RedisTopology.Standalone) topology;
    assertEquals("redis", server.server().getHost());
    assertEquals(REDIS_PORT, server.server().getPort());
    assertEquals("k3y", config.udp().privateKey());

    IpNetwork network = IpNetwork.parse(subnet());
    assertTrue(config.stats().allowedNetworks().contains(network), config.stats().toString());
    assertTrue(config.stats().allows(IpAddress.parse("127.0.0.1")));
    assertFalse(config.stats().allows(IpAddress.parse("192.168.1.10")), "not the whole LAN");
  }

  @Test
  void prometheusScrapesEachTrackerOnceWhereKarutaServesItsMetrics() throws Exception {
    Map<String, Path> mounts = mounts(services.get("prometheus"));
    // prom/prometheus reads this file by default.
    Path file = mounts.get("/etc/prometheus/prometheus.yml");
    assertEquals(DIR.resolve("prometheus/prometheus.yml"), file);
    Map<?, ?> config = (Map<?, ?>) Yamls.load(file);
    List<String> targets = new ArrayList<>();
    for (Object job : (List<?>) config.get("scrape_configs")) {
      Map<?, ?> scrape = (Map<?, ?>) job;
      assertEquals(Served.statsMetricsPath(), scrape.get("metrics_path"), scrape.toString());
      for (Object staticConfig : (List<?>) scrape.get("static_configs")) {
        for (Object target : (List<?>) ((Map<?, ?>) staticConfig).get("targets")) {
          targets.add(String.valueOf(target));
        }
      }
    }
    int port = PackageOutputs.read().uberJarPort();
    assertEquals(TRACKERS.stream().map(t -> t + ":" + port).toList(), targets);
  }

  @Test
  void grafanaReadsPrometheusAndTheDashboardFromTheMountedFolders() throws Exception {
    Map<String, Path> mounts = mounts(services.get("grafana"));
    Path provisioning = mounts.get("/etc/grafana/provisioning");
    assertEquals(DIR.resolve("grafana/provisioning"), provisioning);

    Map<?, ?> sources = (Map<?, ?>) Yamls.load(provisioning.resolve("datasources/prometheus.yaml"));
    List<?> list = (List<?>) sources.get("datasources");
    assertEquals(1, list.size());
    Map<?, ?> prometheus = (Map<?, ?>) list.get(0);
    assertEquals("prometheus", prometheus.get("type"));
    assertEquals(true, prometheus.get("isDefault"), "the dashboard's variable picks the default");
    assertEquals(
        URI.create("http://prometheus:" + PROMETHEUS_PORT),
        URI.create((String) prometheus.get("url")));

    Map<?, ?> dashboards = (Map<?, ?>) Yamls.load(provisioning.resolve("dashboards/karuta.yaml"));
    Map<?, ?> provider = (Map<?, ?>) ((List<?>) dashboards.get("providers")).get(0);
    String folder = (String) ((Map<?, ?>) provider.get("options")).get("path");
    Path dashboard = mounts.get(folder + "/karuta-dashboard.json");
    assertEquals(Path.of("docs", "grafana", "karuta-dashboard.json"), dashboard);
    Map<?, ?> json = (Map<?, ?>) Yamls.load(dashboard);
    Map<?, ?> variable =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) json.get("templating")).get("list")).get(0);
    assertEquals("datasource", variable.get("type"));
    assertEquals(
        prometheus.get("type"), variable.get("query"), "the variable lists Prometheus sources");
  }

  @Test
  void everyImageIsAnOfficialOnePinnedToAVersion() {
    Map<String, String> expected =
        Map.of("redis", "redis", "prometheus", "prom/prometheus", "grafana", "grafana/grafana");
    expected.forEach(
        (service, repository) -> {
          String image = (String) services.get(service).get("image");
          assertTrue(
              image.matches(Pattern.quote(repository) + ":v?\\d+(\\.\\d+)+"),
              service + ": " + image);
        });
  }

  private static String subnet() {
    Map<?, ?> network = (Map<?, ?>) ((Map<?, ?>) compose.get("networks")).get("karuta");
    Map<?, ?> ipam = (Map<?, ?>) ((List<?>) ((Map<?, ?>) network.get("ipam")).get("config")).get(0);
    String subnet = ComposeVariables.interpolate((String) ipam.get("subnet"), USER_ENV);
    assertTrue(subnet.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+"), subnet);
    return subnet;
  }

  private static Map<?, ?> environment(String service) {
    return (Map<?, ?>) services.get(service).get("environment");
  }

  /** The services a service depends on, from the list or the map form of depends_on. */
  private static List<String> dependsOn(Map<String, Object> service) {
    Object dependsOn = service.get("depends_on");
    if (dependsOn == null) {
      return List.of();
    }
    if (dependsOn instanceof Map<?, ?> map) {
      return map.keySet().stream().map(String::valueOf).toList();
    }
    return ((List<?>) dependsOn).stream().map(String::valueOf).toList();
  }

  /** The bind mounts of a service: the path inside the container to the file in the repository. */
  private static Map<String, Path> mounts(Map<String, Object> service) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    Object volumes = service.get("volumes");
    if (volumes == null) {
      return mounts;
    }
    Pattern mount = Pattern.compile("(\\.{1,2}/[^:]+):(/[^:]+)(:ro)?");
    for (Object volume : (List<?>) volumes) {
      Matcher matcher = mount.matcher((String) volume);
      assertTrue(matcher.matches(), "a relative, read-only bind mount: " + volume);
      assertTrue(matcher.group(3) != null, "read-only: " + volume);
      mounts.put(matcher.group(2), DIR.resolve(matcher.group(1)).normalize());
    }
    return mounts;
  }
}
