package io.karuta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Karuta classes that the CLI's sources import import nothing from Jakarta. Complements
 * CliDependenciesTest, which reads compiled classes: a constant such as {@code
 * UdpProtocol.CONNECT_MAGIC} is copied into the CLI's class files, so the compiled CLI does not
 * depend on its class, but the CLI's source does.
 */
class CliSourceImportsTest {
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern KARUTA_IMPORT =
      Pattern.compile("^import (?:static )?(io\\.karuta\\.[a-z.]+\\.[A-Z]\\w*)", Pattern.MULTILINE);
  private static final Pattern ENTERPRISE_IMPORT =
      Pattern.compile(
          "^import (?:static )?(jakarta|org\\.eclipse\\.microprofile)\\.", Pattern.MULTILINE);

  @Test
  void everyKarutaClassTheCliImportsIsJakartaFree() throws IOException {
    Set<String> imported = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve("io/karuta/cli"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = KARUTA_IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).startsWith("io.karuta.cli.")) {
            imported.add(m.group(1));
          }
        }
      }
    }
    TreeMap<String, String> offenders = new TreeMap<>();
    for (String type : imported) {
      Path source = SOURCES.resolve(type.replace('.', '/') + ".java");
      assertTrue(Files.isRegularFile(source), source.toString());
      if (ENTERPRISE_IMPORT.matcher(Files.readString(source)).find()) {
        offenders.put(type, source.toString());
      }
    }

    assertTrue(imported.contains("io.karuta.frontend.udp.UdpProtocol"), imported.toString());
    assertTrue(
        imported.contains("io.karuta.bittorrent.bencode.BencodeReader"), imported.toString());
    assertEquals(List.of(), List.copyOf(offenders.keySet()));
  }
}
