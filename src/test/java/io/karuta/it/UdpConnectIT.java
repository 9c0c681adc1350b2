package io.karuta.it;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** BEP 15 connect on IPv4 and IPv6; what is not a connect request gets no answer at all. */
class UdpConnectIT extends DeployedTracker {

  @Test
  void connectWorksOnBothFamilies() {
    udp4().connect();
    udp6().connect();
  }

  @Test
  void shortDatagramsAndConnectsWithoutTheMagicAreDropped() {
    for (int length = 0; length < 16; length++) {
      udp4().assertSilent(new byte[length], "a " + length + "-byte datagram");
    }
    byte[] badMagic =
        ByteBuffer.allocate(16).putLong(0x41727101980L ^ 1).putInt(0).putInt(7).array();
    udp4().assertSilent(badMagic, "a connect with the magic off by one bit");
  }
}
