package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientErrorTest {

  @Test
  void theSharedErrorsCarryChihayasTexts() {
    assertEquals("internal server error", ClientError.INTERNAL.getMessage());
    assertEquals("invalid port", ClientError.INVALID_PORT.getMessage());
    assertEquals("unknown event", ClientError.UNKNOWN_EVENT.getMessage());
    assertEquals("invalid query escape", ClientError.INVALID_QUERY_ESCAPE.getMessage());
    assertEquals("provided invalid infohash", ClientError.INVALID_INFOHASH.getMessage());
  }

  @Test
  void needsAMessage() {
    assertThrows(IllegalArgumentException.class, () -> new ClientError(null));
    assertThrows(IllegalArgumentException.class, () -> new ClientError(""));
  }

  @Test
  void carriesNoStackTraceAndTakesNoSuppressed() {
    ClientError error = new ClientError("x");
    error.addSuppressed(new IllegalStateException());

    assertEquals(0, error.getStackTrace().length);
    assertEquals(0, error.getSuppressed().length);
    assertEquals(0, ClientError.INVALID_PORT.getStackTrace().length);
  }
}
