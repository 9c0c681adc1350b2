package io.karuta.deploy;

import io.karuta.health.TrackerReadiness;
import io.karuta.stats.StatsResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where Karuta serves what the images and the compose file point at, read from Karuta itself: its
 * classes' annotations, the uber-jar's port in {@code pom.xml}, the image's default configuration
 * file. A path or port renamed in the code then fails the deployment checks instead of a probe in
 * production.
 */
final class Served {
  private Served() {}

  /** The readiness endpoint: MicroProfile Health's {@code /health/ready}, if Karuta has a check. */
  static String readinessPath() {
    if (!TrackerReadiness.class.isAnnotationPresent(Readiness.class)) {
      throw new AssertionError("Karuta has no @Readiness check: /health/ready reports nothing");
    }
    return "/health/ready";
  }

  /** The path of Karuta's Prometheus text, from the JAX-RS annotations of {@link StatsResource}. */
  static String statsMetricsPath() throws NoSuchMethodException {
    String resource = StatsResource.class.getAnnotation(jakarta.ws.rs.Path.class).value();
    String method =
        StatsResource.class
            .getMethod("metrics", jakarta.servlet.http.HttpServletRequest.class)
            .getAnnotation(jakarta.ws.rs.Path.class)
            .value();
    return "/" + strip(resource) + "/" + strip(method);
  }

  /** The UDP port of {@code udp.addr} in the image's default file, server-config/karuta.yaml. */
  static int defaultUdpPort() throws IOException {
    Map<?, ?> karuta =
        (Map<?, ?>) ((Map<?, ?>) Yamls.load(Path.of("server-config", "karuta.yaml"))).get("karuta");
    String addr = (String) ((Map<?, ?>) karuta.get("udp")).get("addr");
    return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
  }

  private static String strip(String path) {
    return path.replaceAll("^/+|/+$", "");
  }
}
