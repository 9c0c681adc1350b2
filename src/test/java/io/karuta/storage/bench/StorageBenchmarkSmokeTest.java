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
 * Checks that every storage benchmark runs: one short iteration each, in this JVM. Not a timing
 * test: the scores are only checked to exist.
 */
class StorageBenchmarkSmokeTest {

  @Test
  void everyBenchmarkRunsOnce() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(StorageBenchmark.class.getName() + "\\.")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(50))
                    .threads(2)
                    .shouldFailOnError(true)
                    .build())
            .run();
    assertEquals(27, results.size(), "chihaya's 27 storage benchmarks");
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
