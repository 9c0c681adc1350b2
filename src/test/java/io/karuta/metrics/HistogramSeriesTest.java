package io.karuta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HistogramSeriesTest {
  private static final Family FAMILY = new Family("x_seconds", "test", Family.Type.HISTOGRAM);

  private static HistogramSeries histogram() {
    return new HistogramSeries(FAMILY, List.of(), new double[] {0.001, 0.01, 0.1});
  }

  @Test
  void boundsAreInclusiveAndCountsCumulative() {
    HistogramSeries histogram = histogram();
    histogram.record(1_000_000); // exactly 1 ms: le="0.001"
    histogram.record(1_000_001); // just above: le="0.01"
    histogram.record(100_000_000); // exactly 100 ms
    histogram.record(5_000_000_000L); // above every bound: only +Inf
    assertEquals(1, histogram.cumulativeCount(0));
    assertEquals(2, histogram.cumulativeCount(1));
    assertEquals(3, histogram.cumulativeCount(2));
    assertEquals(4, histogram.cumulativeCount(3));
    assertEquals(4, histogram.count());
    assertEquals(5.102000001, histogram.sumSeconds(), 1e-12);
  }

  @Test
  void aNegativeDurationCountsAsZero() {
    HistogramSeries histogram = histogram();
    histogram.record(-5);
    assertEquals(1, histogram.cumulativeCount(0));
    assertEquals(0.0, histogram.sumSeconds());
  }

  @Test
  void boundsMustIncrease() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HistogramSeries(FAMILY, List.of(), new double[] {0.1, 0.1}));
  }

  @Test
  void theBoundsAreCopied() {
    double[] bounds = {0.001, 0.01};
    HistogramSeries histogram = new HistogramSeries(FAMILY, List.of(), bounds);
    bounds[0] = 5;
    histogram.boundsSeconds()[1] = 7;
    assertArrayEquals(new double[] {0.001, 0.01}, histogram.boundsSeconds());
  }

  @Test
  void concurrentRecordsAreAllCounted() throws Exception {
    HistogramSeries histogram = histogram();
    int threads = 4;
    int each = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            try {
              go.await();
            } catch (InterruptedException e) {
              return;
            }
            for (int i = 0; i < each; i++) {
              histogram.record(i % 3 == 0 ? 500_000 : 50_000_000);
            }
          });
    }
    go.countDown();
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals((long) threads * each, histogram.count());
    long small = (long) threads * ((each + 2) / 3);
    assertEquals(small, histogram.cumulativeCount(0));
  }
}
