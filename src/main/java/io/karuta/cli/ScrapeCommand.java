package io.karuta.cli;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.Tracker;
import io.karuta.cli.client.TrackerException;
import io.karuta.cli.client.Trackers;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code karuta-cli scrape}: one scrape of the given torrents, the decoded counts printed. */
@Command(
    name = "scrape",
    mixinStandardHelpOptions = true,
    description = {
      "Scrapes torrents and prints their counts: seeders (complete), leechers (incomplete) and"
          + " downloads.",
      "Over HTTP the scrape URL follows BEP 48: the announce URL with 'announce' replaced by"
          + " 'scrape'. Exit code 0 for a reply, 1 otherwise."
    })
final class ScrapeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      converter = Converters.TrackerUrl.class,
      description = "The announce URL: http(s)://host:port/announce or udp://host:port/announce.")
  URI url;

  @Option(
      names = "--infohash",
      paramLabel = "HEX",
      required = true,
      converter = Converters.InfoHashHex.class,
      description = "A torrent to scrape (repeatable).")
  List<InfoHash> infoHashes;

  @Option(names = "--json", description = "Prints the reply as one line of JSON.")
  boolean json;

  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Tracker tracker = Trackers.open(url, network.settings())) {
      List<Scrape> files = tracker.scrape(infoHashes);
      out.print(
          json
              ? ReplyJson.scrape(url, files) + System.lineSeparator()
              : ReplyText.scrape(url, files));
      return 0;
    } catch (TrackerException e) {
      if (e.kind() == TrackerException.Kind.REFUSED) {
        out.print(
            json
                ? ReplyJson.scrapeRefusal(url, e.reason()) + System.lineSeparator()
                : ReplyText.scrapeRefusal(url, e.reason()));
        return 1;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("karuta-cli: scrape " + url + ": " + e.getMessage());
      err.flush();
      return 1;
    } finally {
      out.flush();
    }
  }
}
