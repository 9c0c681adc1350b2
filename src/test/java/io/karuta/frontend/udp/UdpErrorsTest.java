package io.karuta.frontend.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UdpErrorsTest {

  /** chihaya's texts (frontend/udp), letter for letter, and their packet lengths. */
  @Test
  void textsAndPacketLengths() {
    assertEquals("bad connection ID", UdpErrors.BAD_CONNECTION_ID.getMessage());
    assertEquals("malformed packet", UdpErrors.MALFORMED_PACKET.getMessage());
    assertEquals(25, UdpCodec.errorLength(UdpErrors.BAD_CONNECTION_ID.getMessage()));
  }
}
