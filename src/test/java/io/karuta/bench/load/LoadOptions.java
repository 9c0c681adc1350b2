package io.karuta.bench.load;

import io.karuta.config.GoDuration;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One parsed command line: the protocol and every workload option, defaults filled in. Parsing is
 * the only place that knows option names; the engines read these fields.
 *
 * @param protocol {@link #UDP}, {@link #HTTP} or {@link #HASHES}
 * @param target the tracker; null for {@code hashes}
 * @param torrents how many info-hashes the workload uses
 * @param peers how many virtual peers announce, round-robin
 * @param seedersPercent percent of the peers that announce {@code left=0}
 * @param numWant peers asked for in each announce
 * @param scrapeEvery one request in this many is a scrape; 0 means never
 * @param scrapeHashes scrapes alternate between 1 and this many info-hashes
 * @param duration the measured window, after the warm-up
 * @param warmup how long requests run before anything is counted
 * @param maxRequests stop sending once this many measured requests went out; 0 means no limit
 * @param inFlight requests outstanding at once
 * @param rate offered requests per second; 0 means a closed loop
 * @param timeout how long a request may stay unanswered before it counts as a timeout
 * @param seed the seed of info-hashes, peer ids and choices
 * @param connections HTTP: the number of connection slots
 * @param close HTTP: one connection per request
 * @param sockets UDP: the number of local sockets
 * @param announcePath HTTP: the announce path
 * @param scrapePath HTTP: the scrape path, derived from the announce path (BEP 48)
 */
record LoadOptions(
    String protocol,
    Target target,
    int torrents,
    int peers,
    int seedersPercent,
    int numWant,
    int scrapeEvery,
    int scrapeHashes,
    Duration duration,
    Duration warmup,
    long maxRequests,
    int inFlight,
    double rate,
    Duration timeout,
    long seed,
    int connections,
    boolean close,
    int sockets,
    String announcePath,
    String scrapePath) {

  static final String UDP = "udp";
  static final String HTTP = "http";
  static final String HASHES = "hashes";

  static final String USAGE =
      String.join(
          "\n",
          "usage: Load udp|http --target host:port [options]",
          "       Load hashes [--torrents N] [--seed S]",
          "  --torrents N (1000)  --peers N (10000)  --seeders PERCENT (20)  --numwant N (50)",
          "  --scrape-every N (20; 0 = no scrapes)  --scrape-hashes N (10)",
          "  --duration D (10s)  --warmup D (2s)",
          "  --max-requests N (0 = unbounded)  --in-flight N (udp 64, http = --connections)",
          "  --rate R (requests/s, 0 = closed loop)  --timeout D (1s)  --seed S (0)",
          "  udp:  --sockets N (8)",
          "  http: --connections N (32)  --close  --path /announce",
          "The target must be a loopback address (127.0.0.0/8 or ::1).");

  private static final Set<String> FLAGS = Set.of("--close");
  private static final Set<String> COMMON =
      Set.of(
          "--target",
          "--torrents",
          "--peers",
          "--seeders",
          "--numwant",
          "--scrape-every",
          "--scrape-hashes",
          "--duration",
          "--warmup",
          "--max-requests",
          "--in-flight",
          "--rate",
          "--timeout",
          "--seed");
  private static final Set<String> UDP_ONLY = Set.of("--sockets");
  private static final Set<String> HTTP_ONLY = Set.of("--connections", "--close", "--path");
  private static final Set<String> HASHES_ONLY = Set.of("--torrents", "--seed");

  /**
   * Parses {@code args}, whose first element is the subcommand.
   *
   * @throws UsageException naming the option at fault
   */
  static LoadOptions parse(String... args) throws UsageException {
    if (args.length == 0) {
      throw new UsageException("no command given: write udp, http or hashes");
    }
    String protocol = args[0];
    if (!protocol.equals(UDP) && !protocol.equals(HTTP) && !protocol.equals(HASHES)) {
      throw new UsageException("unknown command '" + protocol + "': write udp, http or hashes");
    }
    Map<String, String> given = read(protocol, args);
    Values v = new Values(given);
    boolean http = protocol.equals(HTTP);
    int connections = v.count("--connections", 32, 1, 100_000);
    int inFlight = v.count("--in-flight", http ? connections : 64, 1, 1_000_000);
    if (http && inFlight > connections) {
      throw new UsageException(
          "option --in-flight: "
              + inFlight
              + " exceeds --connections "
              + connections
              + " (http sends one request per connection)");
    }
    String announcePath = given.getOrDefault("--path", "/announce");
    return new LoadOptions(
        protocol,
        protocol.equals(HASHES) ? null : target(given),
        v.count("--torrents", 1000, 1, 10_000_000),
        v.count("--peers", 10_000, 1, 10_000_000),
        v.count("--seeders", 20, 0, 100),
        v.count("--numwant", 50, 0, 100_000),
        v.count("--scrape-every", 20, 0, Integer.MAX_VALUE),
        v.count("--scrape-hashes", 10, 1, 1000),
        v.duration("--duration", "10s", false),
        v.duration("--warmup", "2s", true),
        v.whole("--max-requests", 0, 0, Long.MAX_VALUE),
        inFlight,
        v.rate("--rate"),
        v.duration("--timeout", "1s", false),
        v.whole("--seed", 0, Long.MIN_VALUE, Long.MAX_VALUE),
        connections,
        given.containsKey("--close"),
        v.count("--sockets", 8, 1, 1024),
        announcePath,
        scrapePath(announcePath));
  }

  /** True for the HTTP engine. */
  boolean http() {
    return protocol.equals(HTTP);
  }

  private static Map<String, String> read(String protocol, String[] args) throws UsageException {
    Set<String> allowed =
        switch (protocol) {
          case UDP -> union(COMMON, UDP_ONLY);
          case HTTP -> union(COMMON, HTTP_ONLY);
          default -> HASHES_ONLY;
        };
    Map<String, String> given = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!allowed.contains(name)) {
        if (union(COMMON, union(UDP_ONLY, HTTP_ONLY)).contains(name)) {
          throw new UsageException("option " + name + " does not apply to '" + protocol + "'");
        }
        throw new UsageException("unknown option '" + arg + "'");
      }
      if (FLAGS.contains(name)) {
        if (value != null) {
          throw new UsageException("option " + name + " takes no value");
        }
        value = "";
      } else if (value == null) {
        if (i + 1 == args.length) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = args[++i];
      }
      if (given.put(name, value) != null) {
        throw new UsageException("option " + name + " is given twice");
      }
    }
    return given;
  }

  private static Target target(Map<String, String> given) throws UsageException {
    String target = given.get("--target");
    if (target == null) {
      throw new UsageException("option --target is required (host:port of a loopback tracker)");
    }
    return Target.parse(target);
  }

  private static String scrapePath(String announcePath) throws UsageException {
    int slash = announcePath.lastIndexOf('/');
    int at = announcePath.indexOf("announce", slash + 1);
    if (!announcePath.startsWith("/") || at < 0) {
      throw new UsageException(
          "option --path: expected a path starting with / whose last segment contains"
              + " 'announce', got '"
              + announcePath
              + "'");
    }
    for (int i = 0; i < announcePath.length(); i++) {
      char c = announcePath.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '?' || c == '#') {
        throw new UsageException("option --path: only printable ASCII without ? or # is allowed");
      }
    }
    return announcePath.substring(0, at) + "scrape" + announcePath.substring(at + 8);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    HashSet<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Typed reads of the given option values, with the option named in every message. */
  private record Values(Map<String, String> given) {
    int count(String name, int fallback, int min, int max) throws UsageException {
      return (int) whole(name, fallback, min, max);
    }

    long whole(String name, long fallback, long min, long max) throws UsageException {
      String text = given.get(name);
      if (text == null) {
        return fallback;
      }
      long value;
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new UsageException(
            "option " + name + ": expected a whole number, got '" + text + "'");
      }
      if (value < min || value > max) {
        throw new UsageException(
            "option " + name + ": " + value + " is out of range " + min + " to " + max);
      }
      return value;
    }

    double rate(String name) throws UsageException {
      String text = given.get(name);
      if (text == null) {
        return 0;
      }
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        value = -1;
      }
      if (!(value >= 0 && value <= 1e9)) {
        throw new UsageException(
            "option " + name + ": expected requests per second (0 to 1e9), got '" + text + "'");
      }
      return value;
    }

    Duration duration(String name, String fallback, boolean zeroAllowed) throws UsageException {
      String text = given.getOrDefault(name, fallback);
      Duration value;
      try {
        value = GoDuration.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UsageException("option " + name + ": " + e.getMessage());
      }
      if (value.isNegative() || (!zeroAllowed && value.isZero())) {
        throw new UsageException(
            "option " + name + ": must be " + (zeroAllowed ? "0 or more" : "more than 0"));
      }
      return value;
    }
  }
}
