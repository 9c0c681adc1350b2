package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Info-hashes come from clients: their hash codes must not be choosable, and order is by bytes. */
class InfoHashCollisionTest {

  @Test
  void aFamilyThatCollidedUnderTheRecordHashCodeSpreads() {
    // With the record's default hashCode, every (x<<32|x, 0, 7) has the same hash code.
    Set<Integer> codes = new HashSet<>();
    int n = 10_000;
    for (long x = 1; x <= n; x++) {
      codes.add(new InfoHash(x << 32 | x, 0, 7).hashCode());
    }
    assertTrue(codes.size() > n - 20, "distinct hash codes: " + codes.size());
  }

  @Test
  void orderIsUnsignedByteOrderAndConsistentWithEquals() {
    InfoHash low = InfoHash.fromHex("00000000000000000000000000000000000000ff");
    InfoHash middle = InfoHash.fromHex("7fffffffffffffffffffffffffffffffffffffff");
    InfoHash high = InfoHash.fromHex("8000000000000000000000000000000000000000");
    InfoHash top = InfoHash.fromHex("ffffffffffffffffffffffffffffffffffffffff");
    List<InfoHash> sorted = new java.util.ArrayList<>(List.of(top, high, low, middle));
    java.util.Collections.sort(sorted);
    assertEquals(List.of(low, middle, high, top), sorted);
    assertEquals(
        0,
        InfoHash.fromHex("ff" + "00".repeat(19))
            .compareTo(InfoHash.fromHex("FF" + "00".repeat(19))));
    assertTrue(
        InfoHash.fromHex("00".repeat(19) + "80").compareTo(InfoHash.fromHex("00".repeat(19) + "7f"))
            > 0);
  }
}
