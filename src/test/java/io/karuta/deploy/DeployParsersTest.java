package io.karuta.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small readers the deployment checks rely on read what Docker and Compose read. */
class DeployParsersTest {
  @TempDir Path dir;

  @Test
  void aDockerfileJoinsContinuedLinesSkipsCommentsAndKeepsQuotedValuesWhole() {
    Dockerfile file =
        Dockerfile.parse(
            Path.of("Dockerfile"),
            """
            # a comment
            ARG BASE_IMAGE=eclipse-temurin:21-jre
            FROM ${BASE_IMAGE}
            ENV A=1 B="two words"
            RUN echo one \\
                # a comment inside the instruction
                && echo two
            COPY --chown=1000:1000 a.txt b.txt /opt/
            EXPOSE 6969/tcp 6969/udp
            HEALTHCHECK --interval=10s --start-period=2m CMD ["bash", "/check"]
            ENTRYPOINT ["java", "-jar", "/opt/a.jar"]
            """);

    assertEquals(7 + 1, file.instructions().size());
    assertEquals("echo one && echo two", file.only("RUN"));
    assertEquals("eclipse-temurin:21-jre", file.argDefault("BASE_IMAGE").orElseThrow());
    assertEquals(Map.of("A", "1", "B", "two words"), file.env());
    Dockerfile.Copy copy = file.copies().get(0);
    assertEquals(List.of("--chown=1000:1000"), copy.options());
    assertEquals(List.of("a.txt", "b.txt"), copy.sources());
    assertEquals("/opt/", copy.destination());
    assertEquals(List.of("6969/tcp", "6969/udp"), file.exposed());
    assertEquals(List.of("bash", "/check"), file.healthcheckCommand());
    assertEquals(List.of("--interval=10s", "--start-period=2m"), file.healthcheckOptions());
    assertEquals(List.of("java", "-jar", "/opt/a.jar"), file.execForm("ENTRYPOINT"));
    assertEquals("/opt/x/y", Dockerfile.expand("${HOME}/y", Map.of("HOME", "/opt/x")));
    assertThrows(AssertionError.class, () -> Dockerfile.expand("$NOPE/y", Map.of()));
  }

  @Test
  void dockerignoreSendsOnlyWhatALaterExceptionLetsThrough() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve(".dockerignore"), "*\n!target/a.jar\n!docker/\ndocker/**/*.tmp\n");
    DockerIgnore ignore = DockerIgnore.read(file);

    assertTrue(ignore.sends("target/a.jar"));
    assertFalse(ignore.sends("target/b.jar"));
    assertFalse(ignore.sends("target/podman/storage/x"));
    assertTrue(ignore.sends("docker/Dockerfile"));
    assertTrue(ignore.sends("docker/grafana/provisioning/a.yaml"));
    assertFalse(ignore.sends("docker/grafana/x.tmp"));
    assertFalse(ignore.sends("pom.xml"));
  }

  @Test
  void composeVariablesTakeDefaultsAndRefuseMissingRequiredOnes() {
    Map<String, String> set = Map.of("A", "a", "EMPTY", "");

    assertEquals("a-b", ComposeVariables.interpolate("${A}-b", set));
    assertEquals("x", ComposeVariables.interpolate("${EMPTY:-x}", set));
    assertEquals("", ComposeVariables.interpolate("${EMPTY-x}", set));
    assertEquals("x", ComposeVariables.interpolate("${UNSET-x}", set));
    assertEquals("$A", ComposeVariables.interpolate("$$A", set));
    assertEquals("a", ComposeVariables.interpolate("${A:?set A}", set));
    ComposeVariables.Missing missing =
        assertThrows(
            ComposeVariables.Missing.class,
            () -> ComposeVariables.interpolate("${EMPTY:?set it}", set));
    assertTrue(missing.getMessage().contains("set it"), missing.getMessage());
  }
}
