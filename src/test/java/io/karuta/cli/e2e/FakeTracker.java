package io.karuta.cli.e2e;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Scrape;
import io.karuta.cli.client.AnnounceQuery;
import io.karuta.cli.client.AnnounceReply;
import io.karuta.cli.client.Tracker;
import io.karuta.cli.client.TrackerException;
import io.karuta.cli.client.TrackerPeer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An in-memory tracker for {@link EndToEndCheck}'s tests: one swarm per torrent, peers by port,
 * with switches for the ways a tracker can be wrong or merely different.
 */
final class FakeTracker implements Tracker {
  /** Peers that never get others (the stub the CLI's IT uses over the wire). */
  boolean dropPeers;

  /** Whether reply counts are from before the announce (chihaya) instead of after it. */
  boolean countsBeforeAnnounce;

  /** Scrapes count no leechers (a tracker that counts wrongly). */
  boolean scrapeWithoutLeechers;

  /** A stop is acknowledged but the peer stays in the swarm. */
  boolean ignoreStops;

  /** How many announces later a change shows (a tracker that writes after replying). */
  int writeDelay;

  /** When set, every request fails with it. */
  TrackerException failWith;

  /** Ports of peers that existed before the check (a given torrent that others use). */
  final Map<Integer, Boolean> others = new LinkedHashMap<>();

  final List<AnnounceQuery> announces = new ArrayList<>();
  private final Map<InfoHash, Map<Integer, Boolean>> swarms = new LinkedHashMap<>();
  private final List<Runnable> pendingWrites = new ArrayList<>();
  private int requests;

  @Override
  public URI url() {
    return URI.create("udp://fake.invalid:1");
  }

  @Override
  public AnnounceReply announce(AnnounceQuery query) throws TrackerException {
    request();
    announces.add(query);
    Map<Integer, Boolean> swarm = swarm(query.infoHash());
    int seeders = count(swarm, true);
    int leechers = count(swarm, false);
    List<TrackerPeer> peers = new ArrayList<>();
    if (!dropPeers) {
      swarm.keySet().stream()
          .filter(port -> port != query.port())
          .forEach(port -> peers.add(new TrackerPeer("127.0.0.1", port, Optional.empty())));
    }
    if (!countsBeforeAnnounce
        && query.event() != Event.STOPPED
        && !swarm.containsKey(query.port())) {
      if (query.left() == 0) {
        seeders++;
      } else {
        leechers++;
      }
    }
    Runnable write =
        () -> {
          if (query.event() == Event.STOPPED) {
            if (!ignoreStops) {
              swarm.remove(query.port());
            }
          } else {
            swarm.put(query.port(), query.left() == 0);
          }
        };
    pendingWrites.add(write);
    while (pendingWrites.size() > writeDelay) {
      pendingWrites.remove(0).run();
    }
    return new AnnounceReply(
        Duration.ofMinutes(30),
        Optional.empty(),
        OptionalLong.of(seeders),
        OptionalLong.of(leechers),
        peers,
        Optional.empty());
  }

  @Override
  public List<Scrape> scrape(List<InfoHash> infoHashes) throws TrackerException {
    request();
    // A scrape also lets one pending write through, as time passes on a real tracker.
    if (!pendingWrites.isEmpty()) {
      pendingWrites.remove(0).run();
    }
    List<Scrape> out = new ArrayList<>();
    for (InfoHash infoHash : infoHashes) {
      Map<Integer, Boolean> swarm = swarm(infoHash);
      out.add(
          new Scrape(
              infoHash, count(swarm, true), scrapeWithoutLeechers ? 0 : count(swarm, false), 0));
    }
    return out;
  }

  @Override
  public int requests() {
    return requests;
  }

  @Override
  public void close() {}

  /** The ports in the swarm of {@code infoHash} now. */
  Map<Integer, Boolean> swarmOf(InfoHash infoHash) {
    return swarm(infoHash);
  }

  private void request() throws TrackerException {
    requests++;
    if (failWith != null) {
      throw failWith;
    }
  }

  private Map<Integer, Boolean> swarm(InfoHash infoHash) {
    return swarms.computeIfAbsent(infoHash, hash -> new LinkedHashMap<>(others));
  }

  private static int count(Map<Integer, Boolean> swarm, boolean seeders) {
    return (int) swarm.values().stream().filter(seeder -> seeder == seeders).count();
  }
}
