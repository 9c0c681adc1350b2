package io.karuta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document a source file, test or doc refers to is in the repository: relative Markdown links
 * resolve, and every {@code *.md} file named in code or configuration exists. Notes that users do
 * not have must not be cited; the facts a reader needs belong in {@code docs/}, or the citation
 * names the BEP and section.
 */
class DocumentReferencesTest {
  private static final List<String> ROOTS =
      List.of("src", "docs", "server-config", "scripts", "docker", ".ci", "README.md");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");
  private static final Pattern MARKDOWN_FILE = Pattern.compile("([A-Za-z0-9_./-]+\\.md)\\b");

  @Test
  void relativeMarkdownLinksResolve() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : files()) {
      if (!file.toString().endsWith(".md")) {
        continue;
      }
      Matcher link = MARKDOWN_LINK.matcher(text(file));
      while (link.find()) {
        String target = link.group(1);
        if (target.contains("://") || target.startsWith("mailto:")) {
          continue;
        }
        Path base = file.toAbsolutePath().getParent();
        if (!Files.exists(base.resolve(target).normalize())) {
          broken.add(file + " -> " + target);
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void everyMarkdownFileNamedIsInTheRepository() throws IOException {
    List<Path> files = files();
    Set<String> names = new TreeSet<>();
    for (Path file : files) {
      names.add(file.getFileName().toString());
    }
    names.add("README.md");
    List<String> missing = new ArrayList<>();
    for (Path file : files) {
      Matcher named = MARKDOWN_FILE.matcher(text(file));
      while (named.find()) {
        String reference = named.group(1);
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        if (!names.contains(name) && !reference.contains("://")) {
          missing.add(file + " names " + reference);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  private static List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : ROOTS) {
      Path path = Path.of(root);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
      }
    }
    return files;
  }

  // Binary files (images, jars) hold no references: read as empty.
  private static String text(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException binary) {
      return "";
    }
  }
}
