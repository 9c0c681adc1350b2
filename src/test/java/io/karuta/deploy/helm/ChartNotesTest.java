package io.karuta.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code helm install} prints afterwards (NOTES.txt) names the real Services and URLs. */
class ChartNotesTest {
  private static String notes(Map<String, Object> sets) {
    FakeKubernetesApi.get();
    InstallCommand install =
        new Helm(Chart.DIR)
            .install()
            .withName(Chart.RELEASE)
            .withNamespace(Chart.NAMESPACE)
            .withKubeVersion(Chart.KUBE_VERSION)
            .withDryRunOption(DryRun.CLIENT)
            .clientOnly();
    sets.forEach(install::set);
    return install.call().getOutput();
  }

  @Test
  void theNotesGiveTheAnnounceUrlsAndServices() {
    String notes = notes(Map.of());

    for (String part :
        new String[] {
          "deployment/" + Chart.RELEASE,
          "http://" + Chart.RELEASE + "." + Chart.NAMESPACE + ".svc:6969/announce",
          "get service " + Chart.RELEASE + "-udp",
          "udp://<EXTERNAL-IP>:6969/announce",
          "externalTrafficPolicy Local: peers keep their own addresses",
          "/health/started, /health/live, /health/ready"
        }) {
      assertTrue(notes.contains(part), () -> "no '" + part + "' in:\n" + notes);
    }
  }

  @Test
  void withUdpOffTheNotesSaySo() {
    String notes = notes(Map.of("config.karuta.udp.addr", ""));

    assertTrue(notes.contains("UDP is off"), notes);
    assertFalse(notes.contains("udp://"), notes);
  }
}
