package io.karuta.storage.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Peers choose their IDs: they must not be able to make their index hashes collide. */
class SwarmHashTest {

  @Test
  void idsCraftedAgainstALinearCombineStillSpread() {
    // A hash that combines words linearly (h = h * C + word) collides for middle = K - high * C.
    long c = 0x9E37_79B9_7F4A_7C15L;
    long k = 0x1234_5678_9ABC_DEF0L;
    Set<Integer> hashes = new HashSet<>();
    int n = 20_000;
    for (long high = 1; high <= n; high++) {
      hashes.add(Swarm.hash(high, k - high * c, 42, 6881, 0, 0x7F00_0001L));
    }
    assertTrue(hashes.size() > n - 50, "distinct index hashes: " + hashes.size());
  }
}
