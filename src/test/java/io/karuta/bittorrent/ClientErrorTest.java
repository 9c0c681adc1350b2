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
    assertThrows(IllegalArgumentException.class, () -> new ClientError(null, 1));
    assertThrows(IllegalArgumentException.class, () -> new ClientError("", 1));
  }

  @Test
  void carriesARetryHintOnlyWhenGivenOne() {
    assertEquals(ClientError.NO_RETRY_HINT, new ClientError("x").retryInMinutes());
    assertEquals(ClientError.NO_RETRY_HINT, ClientError.INTERNAL.retryInMinutes());
    ClientError overloaded = new ClientError("overloaded", 5);
    assertEquals(5, overloaded.retryInMinutes());
    assertEquals("overloaded", overloaded.getMessage());
  }

  @Test
  void aRetryHintIsAtLeastOneMinute() {
    assertThrows(IllegalArgumentException.class, () -> new ClientError("x", 0));
    assertThrows(IllegalArgumentException.class, () -> new ClientError("x", -1));
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
