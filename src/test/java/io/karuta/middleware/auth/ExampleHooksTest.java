package io.karuta.middleware.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.config.Options;
import io.karuta.middleware.varinterval.IntervalVariationHook;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The commented hook examples of server-config/karuta.yaml, uncommented, hold valid options for
 * {@code interval variation} and {@code jwt}.
 */
class ExampleHooksTest {
  private static final Path EXAMPLE = Path.of("server-config", "karuta.yaml");

  @Test
  void theCommentedHookExamplesAreValid() throws IOException {
    Map<String, Options> hooks = uncommentedPreHooks();

    new IntervalVariationHook().configure(hooks.get("interval variation"));

    JwtOptions jwt = JwtOptions.from(hooks.get("jwt"));
    assertEquals(URI.create("https://auth.example.org/.well-known/jwks.json"), jwt.jwkSetUrl());
    assertEquals(Duration.ofMinutes(5), jwt.updateInterval());
    assertEquals(Duration.ofSeconds(30), jwt.clockSkew());
  }

  /**
   * Uncomments the lines from {@code # prehooks:} up to {@code # posthooks: []} and returns the
   * options of each entry by name; options that are lists are left out.
   */
  private static Map<String, Options> uncommentedPreHooks() throws IOException {
    StringBuilder yaml = new StringBuilder();
    boolean inBlock = false;
    for (String line : Files.readAllLines(EXAMPLE)) {
      if (line.equals("  # prehooks:")) {
        inBlock = true;
      } else if (line.equals("  # posthooks: []")) {
        inBlock = false;
      }
      if (inBlock) {
        yaml.append(line.replaceFirst("^  # ?", "")).append('\n');
      }
    }
    Map<String, List<Map<String, Object>>> root = new Yaml().load(yaml.toString());
    Map<String, Options> hooks = new HashMap<>();
    for (Map<String, Object> entry : root.get("prehooks")) {
      Map<String, String> options = new HashMap<>();
      ((Map<?, ?>) entry.get("options"))
          .forEach(
              (key, value) -> {
                if (!(value instanceof List)) {
                  options.put(String.valueOf(key), String.valueOf(value));
                }
              });
      hooks.put((String) entry.get("name"), Options.of(options));
    }
    return hooks;
  }
}
