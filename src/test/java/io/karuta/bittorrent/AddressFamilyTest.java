package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressFamilyTest {

  @Test
  void labelsAndLengths() {
    assertEquals("IPv4", AddressFamily.IPV4.toString());
    assertEquals("IPv6", AddressFamily.IPV6.toString());
    assertEquals(4, AddressFamily.IPV4.addressLength());
    assertEquals(16, AddressFamily.IPV6.addressLength());
    assertEquals(6, AddressFamily.IPV4.compactPeerLength());
    assertEquals(18, AddressFamily.IPV6.compactPeerLength());
  }
}
