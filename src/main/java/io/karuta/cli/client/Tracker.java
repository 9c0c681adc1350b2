package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Scrape;
import java.net.URI;
import java.util.List;

/**
 * One tracker URL, spoken to in its protocol. Not thread-safe: one check or command at a time.
 * {@link #close()} releases the socket, if any.
 */
public interface Tracker extends AutoCloseable {

  /** Returns the announce URL this client speaks to. */
  URI url();

  /**
   * Sends one announce and returns the reply.
   *
   * @throws TrackerException when no reply comes, the tracker refuses, or the reply is not a
   *     tracker's
   */
  AnnounceReply announce(AnnounceQuery query) throws TrackerException;

  /**
   * Scrapes the given torrents and returns one entry per hash, in request order; a hash the tracker
   * left out of its reply counts zero (some trackers leave out swarms they do not know).
   *
   * @throws TrackerException as {@link #announce} does, and when the tracker has no scrape
   */
  List<Scrape> scrape(List<InfoHash> infoHashes) throws TrackerException;

  /**
   * Returns how many exchanges were made so far: HTTP requests, and UDP requests that were sent
   * (connects included; a retransmission of the same request is the same exchange).
   */
  int requests();

  @Override
  void close();
}
