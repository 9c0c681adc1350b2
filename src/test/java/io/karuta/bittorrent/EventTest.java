package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.assertClientError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTest {

  /** chihaya's {@code event_test.go}, plus case variants and the BEP 21 {@code paused}. */
  @ParameterizedTest
  @CsvSource({
    "'',        NONE",
    "NONE,      NONE",
    "none,      NONE",
    "None,      NONE",
    "started,   STARTED",
    "STARTED,   STARTED",
    "Started,   STARTED",
    "stopped,   STOPPED",
    "sToPpEd,   STOPPED",
    "completed, COMPLETED",
    "COMPLETED, COMPLETED",
    "paused,    NONE",
    "PAUSED,    NONE",
    "empty,     NONE",
    "Empty,     NONE"
  })
  void parsesIgnoringCase(String value, Event expected) {
    assertEquals(expected, Event.parse(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "notAnEvent",
        "foo",
        "start",
        "complete",
        " started",
        "started ",
        "0",
        "2",
        "nonee"
      })
  void rejectsAnythingElseWithChihayasText(String value) {
    assertClientError(new ClientError("unknown event"), () -> Event.parse(value));
  }
}
