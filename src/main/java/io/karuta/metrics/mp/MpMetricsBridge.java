package io.karuta.metrics.mp;

import io.karuta.container.Maintenance;
import io.karuta.metrics.CounterSeries;
import io.karuta.metrics.Family;
import io.karuta.metrics.GaugeSeries;
import io.karuta.metrics.HistogramSeries;
import io.karuta.metrics.Label;
import io.karuta.metrics.PrometheusText;
import io.karuta.metrics.Series;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.startup.Started;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Registers every series of {@link TrackerMetrics} in the application {@link MetricRegistry}, as it
 * is created, under the same Prometheus names:
 *
 * <ul>
 *   <li>a counter as an MP {@link Counter} (its name without {@code _total}, which the exporter
 *       appends), brought up to date by {@value #FLUSH_MILLIS} ms flushes of the difference;
 *   <li>a gauge as an MP gauge reading the same supplier;
 *   <li>a histogram as gauges named {@code _bucket} (with {@code le}), {@code _sum} and {@code
 *       _count} that read Karuta's exact counts. MP Metrics 5 has no histogram with fixed buckets
 *       counted exactly (its Histogram and Timer derive buckets from a decaying sample, behind a
 *       lock), so the lines are typed {@code gauge}; PromQL's {@code rate} and {@code
 *       histogram_quantile} read them the same.
 * </ul>
 *
 * The hot path never touches MP Metrics. On undeploy, and before registering, every {@code karuta_}
 * metric is removed, so a redeploy does not leave gauges reading the old application.
 */
@ApplicationScoped
public class MpMetricsBridge {
  private static final Logger LOG = Logger.getLogger(MpMetricsBridge.class.getName());
  private static final String PREFIX = "karuta_";
  static final long FLUSH_MILLIS = 1000;

  // Field injection: Payara's registry producer needs a real injection point.
  @Inject MetricRegistry registry;
  @Inject TrackerMetrics metrics;
  @Inject @Maintenance ScheduledExecutorService maintenance;

  private final List<Flushed> counters = new CopyOnWriteArrayList<>();
  private ScheduledFuture<?> flusher;
  // Request threads may still create series while the application stops.
  private volatile boolean stopped;

  /** A counter series, its MP counter, and how much of it the MP counter already holds. */
  private static final class Flushed {
    final CounterSeries series;
    final Counter counter;
    long exported;

    Flushed(CounterSeries series, Counter counter) {
      this.series = series;
      this.counter = counter;
    }
  }

  void onStart(@Observes Started event) {
    removeOurs();
    metrics.subscribe(this::register);
    flusher =
        maintenance.scheduleWithFixedDelay(
            this::flushSafely, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    LOG.info("metrics published through MicroProfile Metrics (the server's /metrics)");
  }

  @PreDestroy
  void stop() {
    stopped = true;
    if (flusher != null) {
      flusher.cancel(false);
    }
    removeOurs();
  }

  /** Brings every MP counter up to its series' count. */
  synchronized void flush() {
    for (Flushed flushed : counters) {
      long now = flushed.series.value();
      if (now > flushed.exported) {
        flushed.counter.inc(now - flushed.exported);
        flushed.exported = now;
      }
    }
  }

  private void flushSafely() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "publishing counters to MicroProfile Metrics failed", e);
    }
  }

  private void register(Series series) {
    if (stopped) {
      return;
    }
    Family family = series.family();
    Tag[] tags = tags(series.labels(), null);
    if (series instanceof CounterSeries counter) {
      String name = family.name().substring(0, family.name().length() - "_total".length());
      counters.add(new Flushed(counter, registry.counter(metadata(name, family.help()), tags)));
    } else if (series instanceof GaugeSeries gauge) {
      registry.gauge(metadata(family.name(), family.help()), gauge::value, tags);
    } else {
      HistogramSeries histogram = (HistogramSeries) series;
      double[] bounds = histogram.boundsSeconds();
      Metadata buckets = metadata(family.name() + "_bucket", family.help() + " (buckets)");
      for (int i = 0; i <= bounds.length; i++) {
        int index = i;
        String le = i < bounds.length ? PrometheusText.bound(bounds[i]) : "+Inf";
        registry.gauge(buckets, () -> histogram.cumulativeCount(index), tags(series.labels(), le));
      }
      registry.gauge(
          metadata(family.name() + "_sum", family.help() + " (sum)"), histogram::sumSeconds, tags);
      registry.gauge(
          metadata(family.name() + "_count", family.help() + " (count)"), histogram::count, tags);
    }
  }

  private void removeOurs() {
    registry.removeMatching((id, metric) -> id.getName().startsWith(PREFIX));
  }

  private static Metadata metadata(String name, String help) {
    return Metadata.builder().withName(name).withDescription(help).build();
  }

  private static Tag[] tags(List<Label> labels, String le) {
    Tag[] tags = new Tag[labels.size() + (le == null ? 0 : 1)];
    for (int i = 0; i < labels.size(); i++) {
      tags[i] = new Tag(labels.get(i).name(), labels.get(i).value());
    }
    if (le != null) {
      tags[labels.size()] = new Tag("le", le);
    }
    return tags;
  }
}
