package io.karuta.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.deploy.Dockerfile.Copy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three Dockerfiles, checked without building them (ContainerImageIT builds and runs {@code
 * docker/Dockerfile}; the official Payara Server and WildFly images cannot be pulled here): every
 * file they copy is in the repository or made by {@code mvn package}, and passes {@code
 * .dockerignore}; their ports, paths and health checks are where Karuta and the server serve them;
 * their bases are the official images of the server versions the build tests on.
 */
class DockerfilesTest {
  private static final Path MICRO = Path.of("docker", "Dockerfile");
  private static final Path PAYARA_SERVER = Path.of("docker", "payara-server", "Dockerfile");
  private static final Path WILDFLY = Path.of("docker", "wildfly", "Dockerfile");
  private static final Path HEALTHCHECK = Path.of("docker", "healthcheck");
  private static final Path POST_BOOT =
      Path.of("server-config", "payara-server", "post-boot-commands.asadmin");
  private static final Path MICRO_PRE_BOOT =
      Path.of("server-config", "payara-micro", "pre-boot-commands.txt");
  private static final Path CLI = Path.of("server-config", "wildfly", "karuta.cli");

  /** What the official images define, as their documentation and Dockerfiles say. */
  private static final Map<String, String> PAYARA_SERVER_ENV =
      Map.of(
          "DEPLOY_DIR", "/opt/payara/deployments",
          "POSTBOOT_COMMANDS", "/opt/payara/config/post-boot-commands.asadmin");

  private static final Map<String, String> WILDFLY_ENV = Map.of("JBOSS_HOME", "/opt/jboss/wildfly");

  /** WildFly's management HTTP port, where standalone-microprofile.xml serves health. */
  private static final int WILDFLY_MANAGEMENT_PORT = 9990;

  /** The asadmin commands whose names and options were checked on Payara Server 6.2025.10. */
  private static final Set<String> CHECKED_ASADMIN_COMMANDS =
      Set.of("set", "set-hazelcast-configuration", "disable-phone-home");

  private static PackageOutputs outputs;
  private static List<String> exposed;

  @BeforeAll
  static void readThePom() throws Exception {
    outputs = PackageOutputs.read();
    exposed = List.of(outputs.uberJarPort() + "/tcp", Served.defaultUdpPort() + "/udp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker/Dockerfile",
        "docker/payara-server/Dockerfile",
        "docker/wildfly/Dockerfile"
      })
  void everyCopiedFileExistsAfterPackageAndPassesDockerignore(String file) throws Exception {
    Dockerfile dockerfile = Dockerfile.read(Path.of(file));
    DockerIgnore ignore = DockerIgnore.read(Path.of(".dockerignore"));
    List<Copy> copies = dockerfile.copies();
    assertFalse(copies.isEmpty(), file);
    for (Copy copy : copies) {
      for (String source : copy.sources()) {
        Path path = Path.of(source);
        assertTrue(
            Files.isRegularFile(path) || outputs.made(path),
            file
                + " copies "
                + source
                + ", which is neither in the repository nor made by package");
        assertTrue(
            ignore.sends(source), file + " copies " + source + ", which .dockerignore leaves out");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker/Dockerfile",
        "docker/payara-server/Dockerfile",
        "docker/wildfly/Dockerfile"
      })
  void exposesTheTrackersPortsAndCopiesTheDefaultConfigurationToKarutaConfig(String file)
      throws Exception {
    Dockerfile dockerfile = Dockerfile.read(Path.of(file));
    assertEquals(exposed, dockerfile.exposed(), file);
    String config = dockerfile.env().get("KARUTA_CONFIG");
    assertEquals("/etc/karuta/karuta.yaml", config, file);
    assertEquals(
        List.of(config), destinations(dockerfile, "server-config/karuta.yaml", Map.of()), file);
    assertEquals("FROM ${BASE_IMAGE}", "FROM " + dockerfile.only("FROM"), file);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker/Dockerfile",
        "docker/payara-server/Dockerfile",
        "docker/wildfly/Dockerfile"
      })
  void theHealthcheckRunsTheReadinessScriptOnThePortWhereTheServerServesHealth(String file)
      throws Exception {
    Dockerfile dockerfile = Dockerfile.read(Path.of(file));
    List<String> command = dockerfile.healthcheckCommand();
    List<String> script = destinations(dockerfile, HEALTHCHECK.toString(), Map.of());
    assertEquals(1, script.size(), file);
    assertEquals(script.get(0), command.get(command.size() - 1), file);
    assertTrue(command.size() == 1 || command.equals(List.of("bash", script.get(0))), file);
    int port =
        Integer.parseInt(dockerfile.env().getOrDefault("HEALTHCHECK_PORT", scriptDefaultPort()));
    int healthPort =
        file.equals(WILDFLY.toString()) ? WILDFLY_MANAGEMENT_PORT : outputs.uberJarPort();
    assertEquals(healthPort, port, file);
    assertTrue(
        dockerfile.healthcheckOptions().stream().anyMatch(o -> o.startsWith("--start-period=")),
        file + ": the server's boot must not count as failures");
  }

  @Test
  void theHealthcheckScriptAsksForReadiness() throws Exception {
    String script = Files.readString(HEALTHCHECK, StandardCharsets.UTF_8);
    assertTrue(
        script.startsWith("#!/bin/bash\n"),
        "bash: in the Temurin, Debian, Payara and WildFly bases");
    assertTrue(script.contains("'GET " + Served.readinessPath() + " HTTP/1.1\\r\\n"), script);
    assertTrue(script.contains("read -r -t "), "the read of the reply is bounded");
    assertTrue(Files.isExecutable(HEALTHCHECK), HEALTHCHECK + " is executable");
  }

  @Test
  void theUberJarImageRunsAsUid1000OnTemurinAndStopsOnSigterm() throws Exception {
    Dockerfile dockerfile = Dockerfile.read(MICRO);
    assertEquals("eclipse-temurin:21-jre", dockerfile.argDefault("BASE_IMAGE").orElseThrow());
    // Numeric, so that Kubernetes' runAsNonRoot can check it.
    assertEquals("1000:1000", dockerfile.only("USER"));
    assertEquals("SIGTERM", dockerfile.only("STOPSIGNAL"));
    String jar = destinations(dockerfile, outputs.uberJar().toString(), Map.of()).get(0);
    List<String> entrypoint = dockerfile.execForm("ENTRYPOINT");
    assertEquals("java", entrypoint.get(0), "the JVM is PID 1 and gets the signal itself");
    assertEquals(
        List.of("-jar", jar), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
    assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=60"), entrypoint.toString());
    assertTrue(entrypoint.contains("-Djava.io.tmpdir=/tmp"), entrypoint.toString());
    assertEquals(
        List.of("--port", Integer.toString(outputs.uberJarPort())), dockerfile.execForm("CMD"));
  }

  @Test
  void thePayaraServerImageIsTheTestedPayaraWithTheWarAndPostBootCommandsWhereItReadsThem()
      throws Exception {
    Dockerfile dockerfile = Dockerfile.read(PAYARA_SERVER);
    assertEquals(
        "payara/server-full:" + outputs.payaraVersion() + "-jdk17",
        dockerfile.argDefault("BASE_IMAGE").orElseThrow());
    assertEquals(
        List.of("/opt/payara/deployments/karuta.war"),
        destinations(dockerfile, outputs.war().toString(), PAYARA_SERVER_ENV));
    assertEquals(
        List.of(PAYARA_SERVER_ENV.get("POSTBOOT_COMMANDS")),
        destinations(dockerfile, POST_BOOT.toString(), PAYARA_SERVER_ENV));
  }

  @Test
  void thePostBootCommandsMoveHttpToTheTrackersPortWithMicrosThreadsAndNoGridOrPhoneHome()
      throws Exception {
    List<String> commands = commandLines(POST_BOOT);
    for (String command : commands) {
      String name = command.split(" ")[0];
      assertTrue(
          CHECKED_ASADMIN_COMMANDS.contains(name), "not checked on Payara Server: " + command);
    }
    Map<String, String> settings = settings(commands);
    String listener =
        "configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.";
    assertEquals(Integer.toString(outputs.uberJarPort()), settings.get(listener + "port"));
    assertEquals("::", settings.get(listener + "address"));
    // The thread pool as in the uber-jar: the same dotted names and values.
    Map<String, String> micro = settings(commandLines(MICRO_PRE_BOOT));
    micro.forEach(
        (key, value) -> {
          if (key.contains(".thread-pools.")) {
            assertEquals(value, settings.get(key), key);
          }
        });
    assertTrue(
        micro.keySet().stream().anyMatch(k -> k.contains(".thread-pools.")),
        "Micro sizes its pool");
    assertTrue(
        commands.contains("set-hazelcast-configuration --enabled=false --dynamic=true"),
        commands.toString());
    assertTrue(commands.contains("disable-phone-home"), commands.toString());
  }

  @Test
  void theWildFlyImageIsTheTestedWildFlyConfiguredByTheCliScriptInItsMicroProfileProfile()
      throws Exception {
    Dockerfile dockerfile = Dockerfile.read(WILDFLY);
    assertEquals(
        "quay.io/wildfly/wildfly:" + outputs.wildflyVersion() + "-jdk17",
        dockerfile.argDefault("BASE_IMAGE").orElseThrow());
    assertEquals(
        List.of("/opt/jboss/wildfly/standalone/deployments/karuta.war"),
        destinations(dockerfile, outputs.war().toString(), WILDFLY_ENV));
    String cli = destinations(dockerfile, CLI.toString(), WILDFLY_ENV).get(0);
    String run = String.join("\n", dockerfile.all("RUN"));
    assertTrue(run.contains("${JBOSS_HOME}/bin/jboss-cli.sh --file=" + cli), run);
    assertTrue(run.contains("-Djava.net.preferIPv4Stack=false"), "IPv6 sockets, for \"::\"");

    String script = Files.readString(CLI, StandardCharsets.UTF_8);
    Matcher embed = Pattern.compile("(?m)^embed-server --server-config=(\\S+)").matcher(script);
    assertTrue(embed.find(), script);
    List<String> cmd = dockerfile.execForm("CMD");
    assertEquals(
        List.of(WILDFLY_ENV.get("JBOSS_HOME") + "/bin/standalone.sh", "-c", embed.group(1)), cmd);
    assertEquals(
        "standalone-microprofile.xml", embed.group(1), "the profile with MicroProfile Health");
    assertTrue(
        script.contains(
            "/socket-binding-group=standard-sockets/socket-binding=http:write-attribute(name=port, value=\"${jboss.http.port:"
                + outputs.uberJarPort()
                + "}\")"),
        script);
    assertTrue(
        script.contains(
            "/interface=public:write-attribute(name=inet-address, value=\"${jboss.bind.address:::}\")"),
        script);
    assertTrue(script.strip().endsWith("stop-embedded-server"), script);
  }

  /** Returns where {@code dockerfile} copies {@code source}, with variables expanded. */
  private static List<String> destinations(
      Dockerfile dockerfile, String source, Map<String, String> env) {
    Map<String, String> variables = new LinkedHashMap<>(env);
    variables.putAll(dockerfile.env());
    List<String> destinations = new ArrayList<>();
    for (Copy copy : dockerfile.copies()) {
      if (copy.sources().contains(source)) {
        destinations.add(Dockerfile.expand(copy.destination(), variables));
      }
    }
    return destinations;
  }

  private static String scriptDefaultPort() throws Exception {
    Matcher port =
        Pattern.compile("HEALTHCHECK_PORT:-(\\d+)").matcher(Files.readString(HEALTHCHECK));
    assertTrue(port.find(), "the script's default port");
    return port.group(1);
  }

  /** The lines of an asadmin command file that are not comments or blank. */
  private static List<String> commandLines(Path file) throws Exception {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** The {@code set name=value} commands among {@code commands}, as a map. */
  private static Map<String, String> settings(List<String> commands) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String command : commands) {
      if (command.startsWith("set ")) {
        String assignment = command.substring(4).strip();
        int equals = assignment.indexOf('=');
        settings.put(assignment.substring(0, equals), assignment.substring(equals + 1));
      }
    }
    return settings;
  }
}
