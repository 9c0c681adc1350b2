package io.karuta.frontend.udp;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.metrics.UdpDropReason;
import java.util.Objects;

/**
 * What to do with one datagram, as {@link UdpCodec#decode} decides it: say nothing, answer with an
 * error packet, or serve a connect, announce or scrape. The decision whether the tracker may answer
 * at all is made here, in the type, so the listener cannot answer what it should not (aquatic's
 * sendable and unsendable parse errors).
 */
public sealed interface UdpRequest {

  /** Drop: fewer bytes than a request header. */
  Drop TOO_SHORT = new Drop(UdpDropReason.TOO_SHORT);

  /** Drop: a connect without the magic number, an error packet or an unknown action. */
  Drop NOT_A_REQUEST = new Drop(UdpDropReason.NOT_A_REQUEST);

  /** Drop: a bad connection ID on a datagram too short to answer without amplification. */
  Drop UNVERIFIED = new Drop(UdpDropReason.UNVERIFIED);

  /**
   * Say nothing: the datagram is garbage, looks like a reply, or comes from an unverified source.
   *
   * @param reason why, for {@code karuta_udp_dropped_total}
   */
  record Drop(UdpDropReason reason) implements UdpRequest {
    /** Checks that the reason is present. */
    public Drop {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Refuse: answer with an error packet ({@link UdpCodec#writeError}) carrying {@code error}'s
   * message.
   *
   * @param transactionId echoed in the reply
   * @param action the action refused, {@link UdpProtocol#ANNOUNCE}, {@link UdpProtocol#SCRAPE} or
   *     {@link UdpProtocol#ANNOUNCE_V6}, for metrics
   * @param error a client-visible failure with a fixed message
   */
  record Refusal(int transactionId, int action, ClientError error) implements UdpRequest {
    /** Checks the action and that the error is present. */
    public Refusal {
      if (action != UdpProtocol.ANNOUNCE
          && action != UdpProtocol.SCRAPE
          && action != UdpProtocol.ANNOUNCE_V6) {
        throw new IllegalArgumentException("only announces and scrapes are refused, got " + action);
      }
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * Answer with a new connection ID ({@link UdpCodec#writeConnect}).
   *
   * @param transactionId echoed in the reply
   */
  record Connect(int transactionId) implements UdpRequest {}

  /**
   * Serve an announce and answer with {@link UdpCodec#writeAnnounce}, using the same action.
   *
   * @param transactionId echoed in the reply
   * @param action {@link UdpProtocol#ANNOUNCE} (1) or {@link UdpProtocol#ANNOUNCE_V6} (4)
   * @param request the sanitised announce; its peer's family is always the source's
   */
  record Announce(int transactionId, int action, AnnounceRequest request) implements UdpRequest {
    /** Checks the action and that the request is present. */
    public Announce {
      if (action != UdpProtocol.ANNOUNCE && action != UdpProtocol.ANNOUNCE_V6) {
        throw new IllegalArgumentException("an announce is action 1 or 4, got " + action);
      }
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * Serve a scrape and answer with {@link UdpCodec#writeScrape}.
   *
   * @param transactionId echoed in the reply
   * @param request the sanitised scrape, whose family is the source's
   */
  record Scrape(int transactionId, ScrapeRequest request) implements UdpRequest {
    /** Checks that the request is present. */
    public Scrape {
      Objects.requireNonNull(request, "request");
    }
  }
}
