package io.karuta.bench;

import io.karuta.bittorrent.IpAddress;
import io.karuta.frontend.udp.ConnectionIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * BEP 15 connection IDs ({@link ConnectionIds}): issuing one for a connect, and checking one on
 * every announce and scrape, for an IPv4 and an IPv6 source (4 or 16 address bytes under the HMAC).
 * The forged IDs carry a current issue time and a wrong tag, so the check computes the HMAC before
 * it refuses them: what a flood of guessed IDs costs, not the cheap refusal of an expired one.
 * Scores are nanoseconds per call.
 */
public class ConnectionIdsBenchmark extends CodecBenchmark {
  ConnectionIds ids;
  IpAddress v4;
  IpAddress v6;
  long v4Id;
  long v6Id;
  long forgedV4Id;
  long forgedV6Id;

  @Setup
  public void setup() {
    ids = CodecData.connectionIds();
    v4 = CodecData.CLIENT_V4;
    v6 = CodecData.CLIENT_V6;
    v4Id = ids.generate(v4);
    v6Id = ids.generate(v6);
    forgedV4Id = v4Id ^ 1;
    forgedV6Id = v6Id ^ 1;
  }

  @Benchmark
  public long generateV4() {
    return ids.generate(v4);
  }

  @Benchmark
  public long generateV6() {
    return ids.generate(v6);
  }

  @Benchmark
  public boolean validV4() {
    return ids.valid(v4Id, v4);
  }

  @Benchmark
  public boolean validV6() {
    return ids.valid(v6Id, v6);
  }

  @Benchmark
  public boolean forgedV4() {
    return ids.valid(forgedV4Id, v4);
  }

  @Benchmark
  public boolean forgedV6() {
    return ids.valid(forgedV6Id, v6);
  }
}
