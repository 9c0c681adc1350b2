package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void exactBelowTheLinearRange() {
    Histogram h = new Histogram();
    for (int v = 1; v <= 100; v++) {
      h.record(v);
    }
    assertEquals(100, h.count());
    assertEquals(50, h.percentile(50));
    assertEquals(90, h.percentile(90));
    assertEquals(99, h.percentile(99));
    assertEquals(100, h.percentile(99.9));
    assertEquals(100, h.percentile(100));
    assertEquals(1, h.percentile(0));
    assertEquals(100, h.max());
  }

  @Test
  void nearestRankOnAThousandValues() {
    Histogram h = new Histogram();
    for (int v = 1000; v >= 1; v--) {
      h.record(v);
    }
    assertEquals(500, h.percentile(50));
    assertEquals(990, h.percentile(99));
    assertEquals(999, h.percentile(99.9));
  }

  @Test
  void largeValuesWithinOnePercentAndNeverAboveTheMax() {
    for (long v : new long[] {1024, 1_500, 77_777, 1_000_000, 123_456_789, 1L << 39}) {
      Histogram h = new Histogram();
      h.record(v);
      h.record(v + 1);
      long p50 = h.percentile(50);
      assertTrue(p50 >= v && p50 <= v + v / 100, v + " reported as " + p50);
      assertEquals(v + 1, h.percentile(100), "the top is the exact max");
    }
  }

  @Test
  void skewedDistribution() {
    Histogram h = new Histogram();
    for (int i = 0; i < 990; i++) {
      h.record(100);
    }
    for (int i = 0; i < 10; i++) {
      h.record(50_000);
    }
    assertEquals(100, h.percentile(50));
    assertEquals(100, h.percentile(99));
    long p999 = h.percentile(99.9);
    assertTrue(p999 >= 50_000 && p999 <= 50_500, "p99.9 " + p999);
  }

  @Test
  void emptyNegativeAndMerged() {
    Histogram a = new Histogram();
    assertEquals(0, a.percentile(50));
    assertEquals(0, a.max());
    a.record(-5);
    assertEquals(0, a.percentile(100));
    Histogram b = new Histogram();
    b.record(10);
    b.record(20);
    a.add(b);
    assertEquals(3, a.count());
    assertEquals(10, a.percentile(50));
    assertEquals(20, a.max());
  }
}
