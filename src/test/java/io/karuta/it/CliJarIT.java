package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * target/karuta-cli.jar is a plain executable jar without Jakarta, and the WAR carries none of the
 * CLI.
 */
class CliJarIT {
  @Test
  void theJarHoldsTheCliTheDomainAndItsTwoLibrariesAndNoJakarta() throws IOException {
    try (JarFile jar = new JarFile(Cli.jar().toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();

      assertEquals(
          "io.karuta.cli.KarutaCli", jar.getManifest().getMainAttributes().getValue("Main-Class"));
      for (String wanted :
          List.of(
              "io/karuta/cli/KarutaCli.class",
              "io/karuta/cli/client/UdpTracker.class",
              "io/karuta/bittorrent/InfoHash.class",
              "io/karuta/bittorrent/bencode/BencodeReader.class",
              "picocli/CommandLine.class",
              "tools/jackson/core/JsonGenerator.class")) {
        assertTrue(names.contains(wanted), wanted);
      }
      List<String> foreign =
          names.stream()
              .filter(
                  name ->
                      name.startsWith("jakarta/")
                          || name.startsWith("javax/")
                          || name.startsWith("org/eclipse/")
                          || name.startsWith("fish/payara/")
                          || (name.startsWith("io/karuta/")
                              && !name.startsWith("io/karuta/cli/")
                              && !name.startsWith("io/karuta/bittorrent/")
                              && !name.equals("io/karuta/")))
              .toList();
      assertEquals(List.of(), foreign);
      assertTrue(names.stream().noneMatch(name -> name.endsWith("module-info.class")));
    }
  }

  @Test
  void theWarCarriesNeitherTheCliNorItsLibraries() throws IOException {
    try (ZipFile war = new ZipFile(Path.of("target", "karuta.war").toFile())) {
      List<String> names = war.stream().map(ZipEntry::getName).toList();

      assertTrue(names.contains("WEB-INF/classes/io/karuta/bittorrent/InfoHash.class"));
      assertEquals(
          List.of(),
          names.stream()
              .filter(
                  name ->
                      name.startsWith("WEB-INF/classes/io/karuta/cli")
                          || name.startsWith("WEB-INF/lib/picocli")
                          || name.startsWith("WEB-INF/lib/jackson"))
              .toList());
    }
  }

  @Test
  void helpVersionAndUsageErrorsOnAPlainJdk() throws Exception {
    Cli.Result help = Cli.run("--help");
    Cli.Result version = Cli.run("--version");
    Cli.Result usage = Cli.run("e2e");

    assertEquals(0, help.exitCode(), help.toString());
    for (String command : List.of("e2e", "announce", "scrape", "genkey")) {
      assertTrue(help.out().contains("\n  " + command + " "), help.toString());
    }
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().matches("karuta-cli \\d+\\.\\d+\\.\\d+\\S*\n"), version.toString());
    assertEquals(2, usage.exitCode(), usage.toString());
    assertTrue(usage.err().startsWith("give --http URL, --udp URL or both\n"), usage.toString());
  }

  @Test
  void genkeyPrintsAKeyForUdpPrivateKey() throws Exception {
    Cli.Result key = Cli.run("genkey");

    assertEquals(0, key.exitCode(), key.toString());
    assertTrue(key.out().matches("[A-Za-z0-9_-]{43}\n"), key.toString());
    assertEquals(32, java.util.Base64.getUrlDecoder().decode(key.out().strip()).length);
  }
}
