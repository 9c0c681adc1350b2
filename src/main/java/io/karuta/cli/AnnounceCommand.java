package io.karuta.cli;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.cli.client.AnnounceQuery;
import io.karuta.cli.client.AnnounceReply;
import io.karuta.cli.client.RandomIds;
import io.karuta.cli.client.Tracker;
import io.karuta.cli.client.TrackerException;
import io.karuta.cli.client.Trackers;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code karuta-cli announce}: one announce, the decoded reply printed. Exit code 0 for a reply, 1
 * for a refusal (printed like a reply) or when no tracker reply came (one line on standard error).
 */
@Command(
    name = "announce",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one announce and prints the decoded reply: intervals, counts and peers.",
      "Exit code 0 for a reply, 1 when the tracker refuses or does not answer as a tracker."
    })
final class AnnounceCommand implements Callable<Integer> {
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
      converter = Converters.InfoHashHex.class,
      description = "The torrent (default: a random one).")
  Optional<InfoHash> infoHash;

  @Option(
      names = "--peer-id",
      paramLabel = "ID",
      converter = Converters.PeerIdText.class,
      description = "20 characters or 40 hex digits (default: -KC0001- and 12 random characters).")
  Optional<PeerId> peerId;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "6881",
      description = "The peer's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--event",
      paramLabel = "EVENT",
      defaultValue = "started",
      converter = Converters.EventName.class,
      description = "started, stopped, completed or none (default: ${DEFAULT-VALUE}).")
  Event event;

  @Option(
      names = "--left",
      paramLabel = "BYTES",
      defaultValue = "0",
      description = "Bytes left; 0 announces a seeder (default: ${DEFAULT-VALUE}).")
  long left;

  @Option(
      names = "--downloaded",
      paramLabel = "BYTES",
      defaultValue = "0",
      description = "Bytes downloaded.")
  long downloaded;

  @Option(
      names = "--uploaded",
      paramLabel = "BYTES",
      defaultValue = "0",
      description = "Bytes uploaded.")
  long uploaded;

  @Option(
      names = "--numwant",
      paramLabel = "N",
      defaultValue = "50",
      description = "Peers to ask for (default: ${DEFAULT-VALUE}).")
  int numWant;

  @Option(
      names = "--no-compact",
      description = "HTTP: asks for dictionary peers (with peer IDs) instead of compact ones.")
  boolean noCompact;

  @Option(names = "--json", description = "Prints the reply as one line of JSON.")
  boolean json;

  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    SecureRandom random = new SecureRandom();
    InfoHash torrent = infoHash.orElseGet(() -> RandomIds.infoHash(random));
    PeerId peer = peerId.orElseGet(() -> RandomIds.peerId(random));
    AnnounceQuery query;
    try {
      query =
          new AnnounceQuery(
              torrent,
              peer,
              port,
              uploaded,
              downloaded,
              left,
              event,
              numWant,
              random.nextInt(),
              !noCompact);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Tracker tracker = Trackers.open(url, network.settings())) {
      AnnounceReply reply = tracker.announce(query);
      out.print(
          json
              ? ReplyJson.announce(url, torrent, peer, reply) + System.lineSeparator()
              : ReplyText.announce(url, torrent, peer, reply));
      return 0;
    } catch (TrackerException e) {
      if (e.kind() == TrackerException.Kind.REFUSED) {
        out.print(
            json
                ? ReplyJson.refusal(url, torrent, peer, e.reason()) + System.lineSeparator()
                : ReplyText.refusal(url, torrent, peer, e.reason()));
        return 1;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("karuta-cli: announce " + url + ": " + e.getMessage());
      err.flush();
      return 1;
    } finally {
      out.flush();
    }
  }
}
