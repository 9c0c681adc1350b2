package io.karuta.frontend.udp;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.IpAddress;
import io.karuta.logic.TrackerLogic;
import io.karuta.metrics.Action;
import io.karuta.metrics.Protocol;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.metrics.UdpDropReason;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.RequestContext;
import io.karuta.middleware.ScrapeContext;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one datagram: decode, tracker logic, encode; then, once the worker has sent the reply,
 * the post-reply work. Holds no per-request state, so one instance serves every worker thread; each
 * worker passes its own {@link Exchange}.
 */
final class UdpHandler {
  private static final Logger LOG = Logger.getLogger(UdpHandler.class.getName());
  // chihaya's UDP text, shorter than the HTTP one; a ClientError so metrics label what clients see.
  private static final ClientError INTERNAL_ERROR = new ClientError("internal error");
  // Replies of at most 1,220 bytes are never fragmented (20 + 6 x 200, or 20 + 18 x 66).
  static final int MAX_IPV4_PEERS = 200;
  static final int MAX_IPV6_PEERS = 66;

  private final UdpCodec codec;
  private final ConnectionIds connectionIds;
  private final TrackerLogic logic;
  private final TrackerMetrics metrics;

  /**
   * One worker's own state, reused for every datagram it answers: the reply buffer (direct, so the
   * socket writes it without a copy), its connection-ID signer, and the answered request still
   * waiting for its post-work.
   */
  static final class Exchange {
    final ByteBuffer reply;
    private final ConnectionIds.Signer ids;
    private RequestContext<?, ?> answered;

    private Exchange(ByteBuffer reply, ConnectionIds.Signer ids) {
      this.reply = reply;
      this.ids = ids;
    }
  }

  UdpHandler(
      UdpCodec codec, ConnectionIds connectionIds, TrackerLogic logic, TrackerMetrics metrics) {
    this.codec = codec;
    this.connectionIds = connectionIds;
    this.logic = logic;
    this.metrics = metrics;
  }

  /**
   * Returns the state for one worker thread, with a reply buffer of {@code replyCapacity} bytes.
   */
  Exchange newExchange(int replyCapacity) {
    return new Exchange(ByteBuffer.allocateDirect(replyCapacity), connectionIds.newSigner());
  }

  /**
   * Decides the answer to {@code datagram} from {@code sender} and writes it into the exchange's
   * reply buffer (cleared first). Call {@link #afterReply} afterwards, whatever happens.
   *
   * @return whether the reply buffer holds a datagram to send back
   */
  boolean handle(ByteBuffer datagram, InetSocketAddress sender, Exchange exchange) {
    long start = metrics.start();
    ByteBuffer reply = exchange.reply;
    reply.clear();
    if (sender.getPort() == 0) {
      // Nothing can be sent to port 0; answering would only reach a forged address.
      metrics.udpDropped(UdpDropReason.SENDER_PORT_ZERO);
      return false;
    }
    IpAddress source = IpAddress.of(sender.getAddress());
    UdpRequest request = codec.decode(datagram, source, exchange.ids);
    if (request instanceof UdpRequest.Drop drop) {
      metrics.udpDropped(drop.reason());
      return false;
    }
    if (request instanceof UdpRequest.Refusal refusal) {
      UdpCodec.writeError(reply, refusal.transactionId(), refusal.error().getMessage());
      Action refused = refusal.action() == UdpProtocol.SCRAPE ? Action.SCRAPE : Action.ANNOUNCE;
      record(refused, source, refusal.error(), start);
      return true;
    }
    if (request instanceof UdpRequest.Connect connect) {
      UdpCodec.writeConnect(reply, connect.transactionId(), exchange.ids.generate(source));
      record(Action.CONNECT, source, null, start);
      return true;
    }
    int transactionId = 0;
    Action action = request instanceof UdpRequest.Announce ? Action.ANNOUNCE : Action.SCRAPE;
    ClientError failure = null;
    try {
      if (request instanceof UdpRequest.Announce announce) {
        transactionId = announce.transactionId();
        exchange.answered = announce(announce, source, reply);
      } else {
        UdpRequest.Scrape scrape = (UdpRequest.Scrape) request;
        transactionId = scrape.transactionId();
        exchange.answered = scrape(scrape, reply);
      }
    } catch (ClientError e) {
      failure = e;
      UdpCodec.writeError(reply, transactionId, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "UDP request failed", e);
      failure = INTERNAL_ERROR;
      UdpCodec.writeError(reply, transactionId, INTERNAL_ERROR.getMessage());
    }
    record(action, source, failure, start);
    return true;
  }

  private void record(Action action, IpAddress source, ClientError error, long start) {
    metrics.finish(Protocol.UDP, action, source.family(), error, start);
  }

  /** Runs the post-hooks and swarm update of the request just answered, if any. Never throws. */
  void afterReply(Exchange exchange) {
    RequestContext<?, ?> answered = exchange.answered;
    if (answered != null) {
      exchange.answered = null;
      logic.afterReply(answered);
    }
  }

  private AnnounceContext announce(
      UdpRequest.Announce announce, IpAddress source, ByteBuffer reply) {
    AnnounceRequest request = announce.request();
    int fits = source.family() == AddressFamily.IPV4 ? MAX_IPV4_PEERS : MAX_IPV6_PEERS;
    if (request.numWant() > fits) {
      request = request.withNumWant(fits);
    }
    AnnounceContext context = logic.announce(request);
    UdpCodec.writeAnnounce(
        reply, announce.transactionId(), announce.action(), source.family(), context.response());
    return context;
  }

  private ScrapeContext scrape(UdpRequest.Scrape scrape, ByteBuffer reply) {
    ScrapeContext context = logic.scrape(scrape.request());
    UdpCodec.writeScrape(reply, scrape.transactionId(), context.response());
    return context;
  }
}
