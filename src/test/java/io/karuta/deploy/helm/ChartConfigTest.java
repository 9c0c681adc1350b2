package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.karuta.config.ConfigLookup;
import io.karuta.config.ConfigReader;
import io.karuta.storage.redis.RedisStoreConfig;
import io.karuta.storage.redis.RedisTopology;
import io.karuta.testing.LogCapture;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered ConfigMap and environment are accepted by Karuta's own configuration reader, and the
 * secrets reach the settings Karuta reads them from.
 */
class ChartConfigTest {
  @TempDir Path dir;

  static List<ValueSet> valueSets() {
    return ValueSet.all();
  }

  private KarutaPod pod(ValueSet values) {
    return values.pod(dir);
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void karutaReadsTheRenderedConfigurationWithoutAWarning(ValueSet values) {
    try (LogCapture log = LogCapture.of(ConfigReader.class)) {
      KarutaPod pod = pod(values);
      if (pod.config.storage().name().equals("redis")) {
        RedisStoreConfig.from(pod.config.storage().options());
      }
      assertEquals(List.of(), log.messages(Level.WARNING));
    }
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void everyKarutaVariableNamesASettingOfThisStore(ValueSet values) {
    KarutaPod pod = pod(values);
    Set<String> properties = Set.of("karuta.config", "karuta.udp.private_key");
    if (pod.config.storage().name().equals("redis")) {
      RedisTopology topology = RedisStoreConfig.from(pod.config.storage().options()).topology();
      String store = "karuta.storage.config.";
      Stream<String> storeKeys;
      if (topology instanceof RedisTopology.Standalone) {
        storeKeys = Stream.of("url");
      } else if (topology instanceof RedisTopology.Sentinel) {
        storeKeys = Stream.of("password", "sentinel_password");
      } else {
        storeKeys = Stream.of("password");
      }
      properties =
          Stream.concat(properties.stream(), storeKeys.map(key -> store + key))
              .collect(Collectors.toSet());
    }
    Set<String> expected =
        properties.stream().map(ConfigLookup::envName).collect(Collectors.toSet());

    Set<String> named =
        pod.container.getEnv().stream()
            .map(EnvVar::getName)
            .filter(name -> name.startsWith("KARUTA_"))
            .collect(Collectors.toSet());
    assertEquals(expected, named);
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void karutaGetsItsUdpKeyFromTheSecret(ValueSet values) {
    KarutaPod pod = pod(values);

    String key = pod.config.udp().privateKey();
    assertFalse(key.isBlank());
    String secretName =
        pod.container.getEnv().stream()
            .filter(v -> v.getName().equals(ConfigLookup.envName("karuta.udp.private_key")))
            .findFirst()
            .orElseThrow()
            .getValueFrom()
            .getSecretKeyRef()
            .getName();
    if (values == ValueSet.EXISTING_SECRET) {
      assertEquals(ValueSet.EXISTING_SECRET_NAME, secretName);
      assertEquals("operator-made-key", key);
      assertEquals(List.of(), pod.manifests.all(Secret.class), "the chart made a Secret");
    } else if (values == ValueSet.REDIS_HA) {
      assertEquals(values.get("secret.udpPrivateKey"), key);
    } else {
      assertTrue(key.matches("[A-Za-z0-9]{64}"), key);
    }
    assertFalse(pod.configText.contains(key), "the key is in the ConfigMap");
  }

  @Test
  void eachInstallGetsItsOwnRandomUdpKey() {
    String first = KarutaPod.of(Chart.render(), dir).config.udp().privateKey();
    String second = KarutaPod.of(Chart.render(), dir).config.udp().privateKey();

    assertNotEquals(first, second);
  }

  @Test
  void anUpgradeKeepsTheUdpKeyOfTheInstalledRelease() {
    FakeKubernetesApi api = FakeKubernetesApi.get();
    String installed = "k".repeat(64);
    api.secret(Chart.NAMESPACE, Chart.RELEASE, Map.of("udp-private-key", installed));
    try {
      assertEquals(installed, KarutaPod.of(Chart.render(), dir).config.udp().privateKey());
    } finally {
      api.secret(Chart.NAMESPACE, Chart.RELEASE, null);
    }
    assertNotEquals(installed, KarutaPod.of(Chart.render(), dir).config.udp().privateKey());
  }

  @Test
  void karutaLogsInToAStandaloneRedisWithThePasswordFromTheSecret() {
    ValueSet values = ValueSet.REDIS_STANDALONE;
    KarutaPod pod = pod(values);

    RedisTopology.Standalone redis =
        assertInstanceOf(
            RedisTopology.Standalone.class,
            RedisStoreConfig.from(pod.config.storage().options()).topology());
    assertEquals(values.get("secret.redisPassword"), redis.login().password());
    assertNull(redis.login().user());
    URI configured = URI.create((String) values.get("config.karuta.storage.config.url"));
    assertEquals(configured.getHost(), redis.server().getHost());
    assertEquals(configured.getPort(), redis.server().getPort());
    assertEquals(Integer.parseInt(configured.getPath().substring(1)), redis.database());
    assertFalse(pod.configText.contains((String) values.get("secret.redisPassword")));
  }

  @Test
  void karutaLogsInToSentinelAndPrimaryWithThePasswordsFromTheSecret() {
    ValueSet values = ValueSet.REDIS_HA;
    KarutaPod pod = pod(values);

    RedisTopology.Sentinel redis =
        assertInstanceOf(
            RedisTopology.Sentinel.class,
            RedisStoreConfig.from(pod.config.storage().options()).topology());
    assertEquals(values.get("secret.redisPassword"), redis.login().password());
    assertEquals(values.get("secret.redisSentinelPassword"), redis.sentinelLogin().password());
    assertEquals(
        ((List<?>) values.get("config.karuta.storage.config.sentinels")).size(),
        redis.sentinels().size());
  }

  @Test
  void anExistingSecretGivesTheRedisUrlAndMayLeaveItOut() {
    Manifests manifests = ValueSet.EXISTING_SECRET.render();

    RedisTopology.Standalone withUrl =
        assertInstanceOf(
            RedisTopology.Standalone.class,
            RedisStoreConfig.from(
                    KarutaPod.of(manifests, ValueSet.EXISTING_SECRET.existingSecrets(), dir)
                        .config
                        .storage()
                        .options())
                .topology());
    assertEquals("operator pw", withUrl.login().password());

    PodEnvironment keyOnly =
        new PodEnvironment().with(ValueSet.EXISTING_SECRET_NAME, Map.of("udp-private-key", "k"));
    RedisTopology.Standalone withoutUrl =
        assertInstanceOf(
            RedisTopology.Standalone.class,
            RedisStoreConfig.from(KarutaPod.of(manifests, keyOnly, dir).config.storage().options())
                .topology());
    assertNull(withoutUrl.login().password());

    // Without the UDP key the kubelet does not start the container: it is not optional.
    PodEnvironment urlOnly =
        new PodEnvironment()
            .with(
                ValueSet.EXISTING_SECRET_NAME,
                Map.of("redis-url", "redis://redis.tracker.svc:6379"));
    assertThrows(AssertionError.class, () -> KarutaPod.of(manifests, urlOnly, dir));
  }
}
