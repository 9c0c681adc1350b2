package io.karuta.cli;

import io.karuta.bittorrent.InfoHash;
import io.karuta.cli.client.ClientSettings;
import io.karuta.cli.client.Tracker;
import io.karuta.cli.client.Trackers;
import io.karuta.cli.e2e.CheckResult;
import io.karuta.cli.e2e.EndToEndCheck;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code karuta-cli e2e}: the end-to-end check ({@link EndToEndCheck}) over each URL given, HTTP
 * URLs first, one verdict line each; exit code 0 when all pass, else 1.
 */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a tracker end to end: two peers on a fresh random torrent, the second must be given"
          + " the first, the scrape must count both, both stop and the scrape counts them gone.",
      "Prints one verdict line per URL; exit code 0 when all pass, 1 otherwise."
    })
final class E2eCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--http",
      paramLabel = "URL",
      converter = Converters.TrackerUrl.class,
      description = "An HTTP(S) announce URL, such as http://127.0.0.1:6969/announce (repeatable).")
  List<URI> http = new ArrayList<>();

  @Option(
      names = "--udp",
      paramLabel = "URL",
      converter = Converters.TrackerUrl.class,
      description = "A UDP tracker URL, such as udp://127.0.0.1:6969/announce (repeatable).")
  List<URI> udp = new ArrayList<>();

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "1",
      description = "Runs the check N times, each on a fresh torrent (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--infohash",
      paramLabel = "HEX",
      converter = Converters.InfoHashHex.class,
      description =
          "Uses this torrent instead of fresh random ones, for trackers that serve only listed"
              + " torrents (such as Debian's opentracker). Nobody else should use it meanwhile.")
  Optional<InfoHash> infoHash;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = Converters.WholeDuration.class,
      description =
          "How long an announce may take to show in the tracker's replies: trackers that write"
              + " after replying need a moment (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    if (http.isEmpty() && udp.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give --http URL, --udp URL or both");
    }
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "--count must be at least 1");
    }
    for (URI url : http) {
      if (Trackers.protocol(url).equals("udp")) {
        throw new ParameterException(spec.commandLine(), "--http takes an http(s):// URL: " + url);
      }
    }
    for (URI url : udp) {
      if (!Trackers.protocol(url).equals("udp")) {
        throw new ParameterException(spec.commandLine(), "--udp takes a udp:// URL: " + url);
      }
    }
    ClientSettings settings = network.settings();
    EndToEndCheck check = new EndToEndCheck(wait, new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();
    List<URI> urls = new ArrayList<>(http);
    urls.addAll(udp);
    boolean ok = true;
    for (URI url : urls) {
      CheckResult result;
      try (Tracker tracker = Trackers.open(url, settings)) {
        result = check.run(tracker, infoHash, count);
      }
      out.println(result.line(Trackers.protocol(url), url));
      out.flush();
      ok &= result.ok();
    }
    return ok ? 0 : 1;
  }
}
