package io.karuta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void writesEachFamilyOnceWithItsSeries() {
    Family requests = new Family("x_seconds", "Time\\taken\nper request", Family.Type.HISTOGRAM);
    HistogramSeries ok =
        new HistogramSeries(
            requests, List.of(new Label("error", "none")), new double[] {0.0001, 0.5});
    HistogramSeries failed =
        new HistogramSeries(
            requests, List.of(new Label("error", "say \"no\"\\\n")), new double[] {0.0001, 0.5});
    ok.record(50_000);
    ok.record(250_000_000);
    ok.record(2_000_000_000);
    failed.record(100_000);
    CounterSeries drops =
        new CounterSeries(
            new Family("y_total", "drops", Family.Type.COUNTER), List.of(new Label("r", "a")));
    drops.add(7);
    GaugeSeries gauge =
        new GaugeSeries(new Family("z", "gauge", Family.Type.GAUGE), List.of(), () -> 2.5);
    String expected =
        "# HELP x_seconds Time\\\\taken\\nper request\n"
            + "# TYPE x_seconds histogram\n"
            + "x_seconds_bucket{error=\"none\",le=\"0.0001\"} 1\n"
            + "x_seconds_bucket{error=\"none\",le=\"0.5\"} 2\n"
            + "x_seconds_bucket{error=\"none\",le=\"+Inf\"} 3\n"
            + "x_seconds_sum{error=\"none\"} 2.25005\n"
            + "x_seconds_count{error=\"none\"} 3\n"
            + "x_seconds_bucket{error=\"say \\\"no\\\"\\\\\\n\",le=\"0.0001\"} 1\n"
            + "x_seconds_bucket{error=\"say \\\"no\\\"\\\\\\n\",le=\"0.5\"} 1\n"
            + "x_seconds_bucket{error=\"say \\\"no\\\"\\\\\\n\",le=\"+Inf\"} 1\n"
            + "x_seconds_sum{error=\"say \\\"no\\\"\\\\\\n\"} 1.0E-4\n"
            + "x_seconds_count{error=\"say \\\"no\\\"\\\\\\n\"} 1\n"
            + "# HELP y_total drops\n"
            + "# TYPE y_total counter\n"
            + "y_total{r=\"a\"} 7\n"
            + "# HELP z gauge\n"
            + "# TYPE z gauge\n"
            + "z 2.5\n";
    assertEquals(expected, PrometheusText.write(List.of(ok, drops, failed, gauge)));
  }

  @Test
  void numbersAreWrittenAsPrometheusReadsThem() {
    assertEquals("3", PrometheusText.number(3.0));
    assertEquals("0.25", PrometheusText.number(0.25));
    assertEquals("NaN", PrometheusText.number(Double.NaN));
    assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", PrometheusText.number(Double.NEGATIVE_INFINITY));
    assertEquals("0.00025", PrometheusText.bound(0.00025));
    assertEquals("5", PrometheusText.bound(5.0));
  }
}
