package io.karuta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class GenkeyCommandTest {
  @Test
  void printsThirtyTwoRandomBytesInBase64UrlAndANewline() {
    Run first = Run.of("genkey");
    Run second = Run.of("genkey");

    assertEquals(0, first.exitCode());
    assertTrue(first.out().matches("[A-Za-z0-9_-]{43}\n"), first.out());
    assertEquals(32, Base64.getUrlDecoder().decode(first.out().strip()).length);
    assertNotEquals(first.out(), second.out());
    assertEquals("", first.err());
  }
}
