package io.karuta.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loading YAML (and JSON, a subset of it) safely: plain maps, lists and scalars only. */
final class Yamls {
  private Yamls() {}

  /** Parses {@code text}. */
  static Object load(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  /** Parses the file at {@code path}. */
  static Object load(Path path) throws IOException {
    return load(Files.readString(path, StandardCharsets.UTF_8));
  }
}
