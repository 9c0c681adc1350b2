package io.karuta.bench;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.frontend.udp.UdpErrors;
import io.karuta.metrics.Action;
import io.karuta.metrics.Protocol;
import io.karuta.metrics.TrackerMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the metrics facade adds to every request ({@link TrackerMetrics#request}): recording a
 * success and an error into one shared facade, as the frontends do, and the same call with {@code
 * metrics.enabled: false}; {@code timing} is the two {@code System.nanoTime()} calls a frontend
 * makes around a request either way. Run with {@code -t 2} to see two threads recording into the
 * same series. Scores are nanoseconds per call.
 */
public class MetricsBenchmark extends CodecBenchmark {

  /** One facade for every thread, as in the tracker. */
  @State(Scope.Benchmark)
  public static class Shared {
    TrackerMetrics enabled;
    TrackerMetrics disabled;

    @Setup
    public void setup() {
      enabled = new TrackerMetrics(true);
      disabled = new TrackerMetrics(false);
      // The series exist after the first request; measure the steady state.
      enabled.request(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, null, 1);
      enabled.request(
          Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, UdpErrors.BAD_CONNECTION_ID, 1);
    }
  }

  long elapsed = 40_000;

  @Benchmark
  public void recordSuccess(Shared shared) {
    shared.enabled.request(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, null, elapsed);
  }

  @Benchmark
  public void recordError(Shared shared) {
    shared.enabled.request(
        Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, UdpErrors.BAD_CONNECTION_ID, elapsed);
  }

  @Benchmark
  public void disabled(Shared shared) {
    shared.disabled.request(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, null, elapsed);
  }

  /** What a frontend pays per request with metrics on: the clock read twice, then recording. */
  @Benchmark
  public void startAndFinish(Shared shared) {
    long start = shared.enabled.start();
    shared.enabled.finish(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, null, start);
  }

  /** What a frontend pays per request with {@code metrics.enabled: false}. */
  @Benchmark
  public void startAndFinishDisabled(Shared shared) {
    long start = shared.disabled.start();
    shared.disabled.finish(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, null, start);
  }

  @Benchmark
  public long timing() {
    long start = System.nanoTime();
    return System.nanoTime() - start;
  }
}
