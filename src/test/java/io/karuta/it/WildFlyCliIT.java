package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code server-config/wildfly/karuta.cli}, which {@code docker/wildfly/Dockerfile} runs while the
 * image is built, run on the WildFly 39 that the build unpacks for {@link WildFlyIT}: against a
 * copy of its {@code standalone-microprofile.xml}, it succeeds and changes exactly the HTTP port
 * and the public interface's address, and nothing else.
 */
class WildFlyCliIT {
  private static final Path SCRIPT = Path.of("server-config", "wildfly", "karuta.cli");
  private static final String PROFILE = "standalone-microprofile.xml";

  @Test
  void theScriptMovesHttpTo6969OnEveryInterfaceAndChangesNothingElse() throws Exception {
    Path home = Path.of(System.getProperty("karuta.it.wildfly.home", "missing")).toAbsolutePath();
    Path original = home.resolve("standalone").resolve("configuration").resolve(PROFILE);
    assertTrue(
        Files.isRegularFile(original),
        "no WildFly at " + home + ": the build unpacks it in pre-integration-test");
    Path base = Path.of("target", "wildfly-cli-it").toAbsolutePath();
    delete(base);
    Path configuration = Files.createDirectories(base.resolve("configuration"));
    try (Stream<Path> files = Files.list(original.getParent())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, configuration.resolve(file.getFileName()));
      }
    }

    ProcessBuilder builder =
        new ProcessBuilder(
                "/bin/sh",
                home.resolve("bin").resolve("jboss-cli.sh").toString(),
                "--file=" + SCRIPT.toAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("cli.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // The embedded server edits this copy, not the unpacked distribution.
    builder.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
    Process cli = builder.start();
    if (!cli.waitFor(180, TimeUnit.SECONDS)) {
      cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("jboss-cli.sh did not finish within 180 s");
    }
    String log = Files.readString(base.resolve("cli.log"), StandardCharsets.UTF_8);
    assertEquals(0, cli.exitValue(), log);
    assertFalse(log.contains("\"failed\""), log);

    List<String> before = Files.readAllLines(original, StandardCharsets.UTF_8);
    List<String> after = Files.readAllLines(configuration.resolve(PROFILE), StandardCharsets.UTF_8);
    assertEquals(before.size(), after.size(), "lines of " + PROFILE);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(before.get(i).strip() + " -> " + after.get(i).strip());
      }
    }
    assertEquals(
        List.of(
            "<inet-address value=\"${jboss.bind.address:127.0.0.1}\"/>"
                + " -> <inet-address value=\"${jboss.bind.address:::}\"/>",
            "<socket-binding name=\"http\" port=\"${jboss.http.port:8080}\"/>"
                + " -> <socket-binding name=\"http\" port=\"${jboss.http.port:6969}\"/>"),
        changed);
    String publicInterface =
        after.get(
            after.indexOf(
                    after.stream()
                        .filter(line -> line.contains("<interface name=\"public\">"))
                        .findFirst()
                        .orElseThrow())
                + 1);
    assertTrue(publicInterface.contains("${jboss.bind.address:::}"), "the public interface");
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
