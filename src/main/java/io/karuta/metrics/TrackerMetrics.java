package io.karuta.metrics;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Karuta's metrics facade: the frontends, hooks and store report here, and exporters ({@link
 * PrometheusText}, the MicroProfile Metrics bridge) read {@link #series()}. Thread-safe. Recording
 * into an existing series is lock-free and allocates nothing; a series is created the first time
 * its label values occur.
 *
 * <p>Label values are fixed strings: enum labels, hook names from the configuration, and the
 * message of a {@link ClientError}, which is a fixed text by design. In case a custom hook builds
 * its messages from request data anyway, at most {@value #MAX_ERROR_LABELS} distinct error texts
 * per request series get their own label value; the rest count as {@value #OTHER_ERROR}.
 *
 * <p>Not a bean by itself: {@link MetricsProducer} makes the one instance, without a client proxy,
 * since the frontends call it twice per request.
 */
public class TrackerMetrics {
  /** The {@code error} label of a request that succeeded. */
  public static final String NO_ERROR = "none";

  /** The {@code error} or {@code reason} label once {@value #MAX_ERROR_LABELS} texts are in use. */
  public static final String OTHER_ERROR = "other";

  /** How many distinct error texts one request series or hook may label. */
  public static final int MAX_ERROR_LABELS = 32;

  /**
   * Request duration buckets in seconds: a tracker answers from memory in microseconds and from
   * Redis in about a millisecond; the upper buckets catch stalls.
   */
  static final double[] REQUEST_BUCKETS = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  /** Sweep duration buckets in seconds: a sweep walks every swarm. */
  static final double[] SWEEP_BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30};

  private static final String FAMILY_UNKNOWN = "unknown";

  private final Map<String, Family> families = new ConcurrentHashMap<>();
  private final List<Series> series = new CopyOnWriteArrayList<>();
  private final List<Consumer<Series>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, HookRejections> hooks = new ConcurrentHashMap<>();
  private final boolean enabled;

  // [protocol][action][family: ipv4, ipv6, unknown]
  private final RequestSeries[][][] requests;
  private final CounterSeries[] udpDrops;
  private final HistogramSeries storeSweeps;
  private final LongAdder httpInFlight = new LongAdder();

  /** Creates the facade with the series that exist from the start, recording requests. */
  public TrackerMetrics() {
    this(true);
  }

  /**
   * Creates the facade with the series that exist from the start.
   *
   * @param enabled whether {@link #request} records (as {@code metrics.enabled})
   */
  public TrackerMetrics(boolean enabled) {
    this.enabled = enabled;
    requests = new RequestSeries[Protocol.values().length][Action.values().length][3];
    for (Protocol protocol : Protocol.values()) {
      Family family =
          family(
              "karuta_" + protocol.label() + "_request_duration_seconds",
              "Time to answer a " + protocol.name() + " request, by action, family and error",
              Family.Type.HISTOGRAM);
      for (Action action : Action.values()) {
        if (protocol == Protocol.HTTP && action == Action.CONNECT) {
          continue;
        }
        for (int f = 0; f < 3; f++) {
          requests[protocol.ordinal()][action.ordinal()][f] =
              new RequestSeries(family, action.label(), familyLabel(f));
        }
      }
    }
    Family drops =
        family(
            "karuta_udp_dropped_total",
            "UDP datagrams that got no reply, by reason",
            Family.Type.COUNTER);
    udpDrops = new CounterSeries[UdpDropReason.values().length];
    for (UdpDropReason reason : UdpDropReason.values()) {
      udpDrops[reason.ordinal()] = counter(drops, List.of(new Label("reason", reason.label())));
    }
    gauge(
        "karuta_http_requests_in_flight",
        "HTTP requests the application is handling now, post-reply work included: how many of the"
            + " server's request threads Karuta holds",
        List.of(),
        httpInFlight::sum);
    storeSweeps =
        histogram(
            family(
                "karuta_storage_gc_duration_seconds",
                "Time of one sweep that removes expired peers from the memory store",
                Family.Type.HISTOGRAM),
            List.of(),
            SWEEP_BUCKETS);
  }

  /**
   * Returns the start time to hand to {@link #finish}: {@link System#nanoTime()}, or 0 without
   * reading the clock when {@code metrics.enabled} is off (a clock read costs more than recording).
   */
  public long start() {
    return enabled ? System.nanoTime() : 0;
  }

  /**
   * Records one answered request that began at {@code startNanos} (from {@link #start}); does
   * nothing when {@code metrics.enabled} is off.
   */
  public void finish(
      Protocol protocol, Action action, AddressFamily family, ClientError error, long startNanos) {
    if (enabled) {
      request(protocol, action, family, error, System.nanoTime() - startNanos);
    }
  }

  /**
   * Records one answered request: a reply, or an error reply ({@code error} not null).
   *
   * @param family the client's address family, or {@code null} when it was not known yet
   * @param error the client error sent instead of a reply, or {@code null}
   * @param nanos how long the answer took
   */
  public void request(
      Protocol protocol, Action action, AddressFamily family, ClientError error, long nanos) {
    if (!enabled) {
      return;
    }
    RequestSeries row =
        requests[protocol.ordinal()][action.ordinal()][family == null ? 2 : family.ordinal()];
    row.series(error).record(nanos);
  }

  /** Counts one HTTP request entering the application; call {@link #httpRequestEnded} after. */
  public void httpRequestStarted() {
    httpInFlight.increment();
  }

  /** Counts one HTTP request leaving the application, whatever happened to it. */
  public void httpRequestEnded() {
    httpInFlight.decrement();
  }

  /** Counts one UDP datagram that got no reply. */
  public void udpDropped(UdpDropReason reason) {
    udpDrops[reason.ordinal()].increment();
  }

  /** Counts {@code count} UDP datagrams that got no reply. */
  public void udpDropped(UdpDropReason reason, long count) {
    udpDrops[reason.ordinal()].add(count);
  }

  /** Records one sweep of the memory store. */
  public void storeSweep(long nanos) {
    storeSweeps.record(nanos);
  }

  /**
   * Returns the rejection counter of the hook named {@code hookName} (its configured name); the
   * same one for the same name.
   */
  public HookRejections hookRejections(String hookName) {
    return hooks.computeIfAbsent(hookName, HookRejections::new);
  }

  /**
   * Returns the number of requests answered so far by {@code protocol} for {@code action}, every
   * family and outcome together.
   */
  public long requestCount(Protocol protocol, Action action) {
    long total = 0;
    for (RequestSeries row : requests[protocol.ordinal()][action.ordinal()]) {
      if (row != null) {
        total += row.count();
      }
    }
    return total;
  }

  /** Registers a gauge whose value is read from {@code value} on every export. */
  public GaugeSeries gauge(String name, String help, List<Label> labels, DoubleSupplier value) {
    GaugeSeries gauge = new GaugeSeries(family(name, help, Family.Type.GAUGE), labels, value);
    add(gauge);
    return gauge;
  }

  /** Registers a counter that callers increment. */
  public CounterSeries counter(String name, String help, List<Label> labels) {
    return counter(family(name, help, Family.Type.COUNTER), labels);
  }

  /** Returns every series so far, in the order they were created. */
  public List<Series> series() {
    return List.copyOf(series);
  }

  /**
   * Calls {@code listener} with every existing series now, and with every new series when it is
   * created (on the creating thread). For exporters that register series elsewhere.
   */
  public void subscribe(Consumer<Series> listener) {
    synchronized (series) {
      listeners.add(listener);
      series.forEach(listener);
    }
  }

  private Family family(String name, String help, Family.Type type) {
    Family family = families.computeIfAbsent(name, n -> new Family(n, help, type));
    if (family.type() != type) {
      throw new IllegalArgumentException(name + " is already a " + family.typeName());
    }
    return family;
  }

  private CounterSeries counter(Family family, List<Label> labels) {
    CounterSeries counter = new CounterSeries(family, labels);
    add(counter);
    return counter;
  }

  private HistogramSeries histogram(Family family, List<Label> labels, double[] bounds) {
    HistogramSeries histogram = new HistogramSeries(family, labels, bounds);
    add(histogram);
    return histogram;
  }

  private void add(Series created) {
    synchronized (series) {
      series.add(created);
      listeners.forEach(listener -> listener.accept(created));
    }
  }

  /** The longest error or reason label value; longer texts are cut. */
  static final int MAX_LABEL_LENGTH = 64;

  /**
   * Returns {@code text} as a label value: at most {@value #MAX_LABEL_LENGTH} characters, printable
   * ASCII only (others become {@code ?}). Karuta's own texts pass unchanged; this only limits what
   * a misbehaving custom hook can put into a label.
   */
  static String labelValue(String text) {
    int length = Math.min(text.length(), MAX_LABEL_LENGTH);
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      value.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return value.toString();
  }

  private static String familyLabel(int index) {
    return index == 2
        ? FAMILY_UNKNOWN
        : AddressFamily.values()[index].name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The series of one protocol, action and family: the success series and one per error text. */
  private final class RequestSeries {
    private final Family family;
    private final String action;
    private final String addressFamily;
    private final ConcurrentHashMap<String, HistogramSeries> errors = new ConcurrentHashMap<>();
    private volatile HistogramSeries ok;
    // Set once the cap is reached: unknown texts then go here without taking the lock.
    private volatile HistogramSeries other;

    RequestSeries(Family family, String action, String addressFamily) {
      this.family = family;
      this.action = action;
      this.addressFamily = addressFamily;
    }

    HistogramSeries series(ClientError error) {
      if (error == null) {
        HistogramSeries read = ok;
        return read != null ? read : createOk();
      }
      HistogramSeries read = errors.get(error.getMessage());
      if (read != null) {
        return read;
      }
      HistogramSeries overflow = other;
      return overflow != null ? overflow : create(error.getMessage());
    }

    private synchronized HistogramSeries createOk() {
      if (ok == null) {
        ok = newSeries(NO_ERROR);
      }
      return ok;
    }

    private synchronized HistogramSeries create(String text) {
      HistogramSeries existing = errors.get(text);
      if (existing != null) {
        return existing;
      }
      if (errors.size() < MAX_ERROR_LABELS) {
        HistogramSeries created = newSeries(labelValue(text));
        errors.put(text, created);
        return created;
      }
      if (other == null) {
        other = newSeries(OTHER_ERROR);
      }
      return other;
    }

    private HistogramSeries newSeries(String error) {
      return histogram(
          family,
          List.of(
              new Label("action", action),
              new Label("address_family", addressFamily),
              new Label("error", error)),
          REQUEST_BUCKETS);
    }

    long count() {
      long total = 0;
      HistogramSeries read = ok;
      if (read != null) {
        total += read.count();
      }
      for (HistogramSeries error : errors.values()) {
        total += error.count();
      }
      HistogramSeries overflow = other;
      if (overflow != null) {
        total += overflow.count();
      }
      return total;
    }
  }

  /** Counts one hook's rejections by their fixed text. Thread-safe. */
  public final class HookRejections {
    private final String hook;
    private final ConcurrentHashMap<String, CounterSeries> reasons = new ConcurrentHashMap<>();
    private volatile CounterSeries other;

    private HookRejections(String hook) {
      this.hook = hook;
    }

    /** Counts one rejection with {@code error}. */
    public void count(ClientError error) {
      CounterSeries read = reasons.get(error.getMessage());
      if (read == null) {
        read = other;
      }
      (read != null ? read : create(error.getMessage())).increment();
    }

    private synchronized CounterSeries create(String text) {
      CounterSeries existing = reasons.get(text);
      if (existing != null) {
        return existing;
      }
      if (reasons.size() < MAX_ERROR_LABELS) {
        CounterSeries created = newCounter(labelValue(text));
        reasons.put(text, created);
        return created;
      }
      if (other == null) {
        other = newCounter(OTHER_ERROR);
      }
      return other;
    }

    private CounterSeries newCounter(String reason) {
      return counter(
          family(
              "karuta_hook_rejections_total",
              "Requests a hook refused, by hook and by the reason sent to the client",
              Family.Type.COUNTER),
          List.of(new Label("hook", hook), new Label("reason", reason)));
    }
  }

  /** Returns the names of the families so far, for tests and docs checks. */
  List<String> familyNames() {
    return new ArrayList<>(families.keySet());
  }
}
