package io.karuta.bench.load;

import java.io.IOException;

/** One protocol's load loop, run on the calling thread. */
interface Engine {
  /** Runs the warm-up, the measured window and the drain, counting into the run's stats. */
  void run() throws IOException;

  /** The length of the measured window in seconds, once {@link #run()} returned. */
  double measuredSeconds();
}
