package io.karuta.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the configuration tests. */
final class Asserts {
  private Asserts() {}

  /** Asserts that {@code text} contains every one of {@code parts}, showing the text otherwise. */
  static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text.contains(part), () -> "expected <" + part + "> in <" + text + ">");
    }
  }

  /** Asserts that {@code code} fails with a {@link ConfigException} and returns its message. */
  static String configError(Executable code) {
    return assertThrows(ConfigException.class, code).getMessage();
  }
}
