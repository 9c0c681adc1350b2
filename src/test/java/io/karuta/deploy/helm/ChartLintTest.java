package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Helm's own checks of the chart, and the chart's metadata against the build. */
class ChartLintTest {
  @Test
  void helmLintFindsNothingInStrictMode() {
    LintResult result = new Helm(Chart.DIR).lint().strict().call();

    assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    assertEquals(
        List.of(),
        result.getMessages().stream()
            .filter(m -> m.contains("[WARNING]") || m.contains("[ERROR]"))
            .toList());
  }

  @Test
  void theChartDeploysThisBuildsVersion() throws IOException {
    Map<String, Object> chart = new Yaml().load(Files.readString(Chart.DIR.resolve("Chart.yaml")));
    Properties build = new Properties();
    try (InputStream in =
        ChartLintTest.class.getResourceAsStream("/io/karuta/stats/build.properties")) {
      build.load(in);
    }

    assertEquals("v2", chart.get("apiVersion"));
    assertEquals(build.getProperty("version"), chart.get("appVersion"));
  }
}
