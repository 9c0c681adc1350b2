package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/deploy/kubernetes.md keeps up with the chart's values and the variables it sets. */
class KubernetesDocsTest {
  private static final Path DOCS = Path.of("docs", "deploy", "kubernetes.md");

  @Test
  void theValuesTableNamesEveryTopLevelValue() throws IOException {
    String docs = Files.readString(DOCS);
    Map<String, Object> values =
        new Yaml().load(Files.readString(Chart.DIR.resolve("values.yaml")));

    for (String key : values.keySet()) {
      assertTrue(docs.contains("`" + key + "`"), key);
    }
  }

  @Test
  void theSecretsTableNamesTheVariablesKarutaReads() throws IOException {
    String docs = Files.readString(DOCS);

    for (String property :
        List.of(
            "karuta.udp.private_key",
            "karuta.storage.config.url",
            "karuta.storage.config.password",
            "karuta.storage.config.sentinel_password")) {
      String variable = ConfigLookup.envName(property);
      assertTrue(docs.contains("| `" + variable + "` |"), variable);
    }
  }
}
