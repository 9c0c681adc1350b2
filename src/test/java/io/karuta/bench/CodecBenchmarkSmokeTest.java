package io.karuta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Checks that every codec benchmark runs: one short iteration each, in this JVM. Not a timing test:
 * the scores are only checked to exist. {@link CodecBenchmarkInputsTest} checks what they measure.
 */
class CodecBenchmarkSmokeTest {

  @Test
  void everyBenchmarkRunsOnce() throws Exception {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(50))
            .threads(1)
            .shouldFailOnError(true);
    for (Class<?> benchmark :
        List.of(
            BencodeBenchmark.class,
            QueryParserBenchmark.class,
            UdpCodecBenchmark.class,
            ConnectionIdsBenchmark.class,
            MetricsBenchmark.class)) {
      options.include(benchmark.getName() + "\\.");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    assertEquals(4 + 3 + 5 + 6 + 6, results.size(), "the benchmarks of the five classes");
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
    }
  }
}
