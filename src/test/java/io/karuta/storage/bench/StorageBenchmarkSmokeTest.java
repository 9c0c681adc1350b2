package io.karuta.storage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Checks that the storage benchmarks run: one short iteration each, in this JVM. Not a timing test:
 * the scores are only checked to exist.
 */
class StorageBenchmarkSmokeTest {

  @Test
  void everyBenchmarkRunsOnceOnTheMemoryStore() throws Exception {
    Collection<RunResult> results = runOnce("\\.", "memory");
    assertEquals(27, results.size(), "chihaya's 27 storage benchmarks");
  }

  /**
   * Leaves out the seven benchmarks on the one-million-peer fill, which takes most of a minute in
   * Redis; the Redis read path is covered by the store's contract test.
   */
  @Test
  void everyBenchmarkOnAnEmptyStoreRunsOnceOnRedis() throws Exception {
    Collection<RunResult> results = runOnce("\\.(?!announce|scrape|nop)", "redis");
    assertEquals(20, results.size(), "the benchmarks that start from an empty store");
  }

  private static Collection<RunResult> runOnce(String pattern, String store) throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(StorageBenchmark.class.getName() + pattern)
                    .param("store", store)
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(50))
                    .threads(2)
                    .shouldFailOnError(true)
                    .build())
            .run();
    for (RunResult result : results) {
      assertEquals(store, result.getParams().getParam("store"));
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
    return results;
  }
}
