package io.karuta.frontend.udp;

import io.karuta.config.TrackerConfig;
import io.karuta.config.UdpConfig;
import io.karuta.container.LongRunning;
import io.karuta.logic.TrackerLogic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The UDP tracker (BEP 15): one socket on {@code udp.addr}, started with the application and closed
 * with it, so a redeploy can bind the port again.
 *
 * <p>Bounded by design. One receiver thread reads datagrams into a fixed pool of {@code
 * udp.queue_capacity} reusable buffers and queues them; {@code udp.workers} threads answer them.
 * When every buffer is taken, the receiver reads the next datagram into a scratch buffer and drops
 * it, counted: under overload Karuta sheds load instead of growing. No thread or task is created
 * per datagram, and no buffer is allocated per datagram. Threads come from the container's managed
 * thread factory.
 */
@ApplicationScoped
public class UdpListener {
  private static final Logger LOG = Logger.getLogger(UdpListener.class.getName());

  /** Larger than any valid request (a full scrape is 1,496 bytes); longer datagrams are cut. */
  static final int DATAGRAM_CAPACITY = 2048;

  @Inject TrackerConfig config;
  @Inject TrackerLogic logic;
  @Inject @LongRunning ThreadFactory threadFactory;

  private final LongAdder dropped = new LongAdder();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private DatagramChannel channel;
  private BlockingQueue<Datagram> free;
  private BlockingQueue<Datagram> queued;
  private UdpHandler handler;

  /**
   * A datagram buffer and its sender, reused for the life of the listener. Direct, because the
   * socket copies a heap buffer through a temporary direct one found by a thread-local lookup.
   */
  private static final class Datagram {
    final ByteBuffer data = ByteBuffer.allocateDirect(DATAGRAM_CAPACITY);
    SocketAddress sender;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) throws IOException {
    UdpConfig udp = config.udp();
    if (udp.addr().isEmpty()) {
      LOG.info("UDP tracker off (udp.addr is empty)");
      return;
    }
    InetSocketAddress address = UdpAddress.parse(udp.addr());
    handler =
        new UdpHandler(
            new UdpCodec(udp.sanitizer(), udp.allowIpSpoofing()), connectionIds(udp), logic);
    free = new ArrayBlockingQueue<>(udp.queueCapacity());
    queued = new ArrayBlockingQueue<>(udp.queueCapacity());
    for (int i = 0; i < udp.queueCapacity(); i++) {
      free.add(new Datagram());
    }
    channel = DatagramChannel.open();
    try {
      // The kernel caps this at net.core.rmem_max; the effective size is logged below.
      channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
      channel.bind(address);
    } catch (IOException e) {
      channel.close();
      throw new IllegalStateException("cannot bind the UDP tracker to " + address + ": " + e, e);
    }
    int receiveBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
    running = true;
    start("karuta-udp-receiver", this::receive);
    int workers = udp.effectiveWorkers();
    for (int i = 0; i < workers; i++) {
      start("karuta-udp-worker-" + i, this::work);
    }
    LOG.info(
        () ->
            "UDP tracker listening on "
                + channel.socket().getLocalSocketAddress()
                + " with "
                + workers
                + " workers, "
                + receiveBuffer
                + " bytes of socket receive buffer");
  }

  /** Returns the address the socket is bound to, or {@code null} when UDP is off. */
  public InetSocketAddress localAddress() {
    return channel == null ? null : (InetSocketAddress) channel.socket().getLocalSocketAddress();
  }

  /** Returns how many datagrams were dropped because every worker was busy. */
  public long droppedDatagrams() {
    return dropped.sum();
  }

  @PreDestroy
  void stop() {
    if (!running) {
      return;
    }
    running = false;
    try {
      // Closing the channel ends the blocking receive; interrupting ends the workers' wait.
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the UDP socket failed", e);
    }
    for (Thread thread : threads) {
      thread.interrupt();
    }
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
    LOG.info("UDP tracker stopped");
  }

  /** The largest reply: a full announce (peers are capped per datagram) or a full scrape. */
  static int replyCapacity(UdpConfig udp) {
    int peers = Math.min(udp.maxNumWant(), UdpHandler.MAX_IPV4_PEERS);
    int hashes = Math.min(udp.maxScrapeInfoHashes(), (DATAGRAM_CAPACITY - 16) / 20);
    return Math.max(
        Math.max(UdpCodec.maxAnnounceReplyLength(peers), UdpCodec.maxScrapeReplyLength(hashes)),
        UdpCodec.errorLength(" ".repeat(256)));
  }

  private ConnectionIds connectionIds(UdpConfig udp) {
    byte[] key;
    if (udp.privateKey().isEmpty()) {
      key = ConnectionIds.randomKey();
      LOG.warning(
          "udp.private_key is not set: using a random key. Connection IDs will not survive a"
              + " restart and are not accepted by other instances; set the same key on every"
              + " instance in production");
    } else {
      key = udp.privateKey().getBytes(StandardCharsets.UTF_8);
    }
    return new ConnectionIds(
        key, udp.connectionIdLifetime(), udp.maxClockSkew(), InstantSource.system());
  }

  private void start(String name, Runnable loop) {
    Thread thread = threadFactory.newThread(loop);
    thread.setName(name);
    threads.add(thread);
    thread.start();
  }

  private void receive() {
    ByteBuffer scratch = ByteBuffer.allocateDirect(DATAGRAM_CAPACITY);
    while (running) {
      Datagram datagram = free.poll();
      try {
        if (datagram == null) {
          scratch.clear();
          channel.receive(scratch);
          dropped.increment();
          continue;
        }
        datagram.data.clear();
        datagram.sender = channel.receive(datagram.data);
        datagram.data.flip();
        queued.add(datagram);
        datagram = null;
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "UDP receive failed", e);
        }
      } finally {
        // A buffer that did not reach the queue goes back to the pool, or the pool would shrink.
        if (datagram != null) {
          free.add(datagram);
        }
      }
    }
  }

  private void work() {
    UdpHandler.Exchange exchange = handler.newExchange(replyCapacity(config.udp()));
    while (running) {
      Datagram datagram;
      try {
        datagram = queued.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (handler.handle(datagram.data, (InetSocketAddress) datagram.sender, exchange)) {
          channel.send(exchange.reply, datagram.sender);
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // The client is gone or unreachable; it will retry. Nothing to tell anyone.
        LOG.log(Level.FINE, "UDP send failed", e);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "UDP datagram failed", e);
      } finally {
        free.add(datagram);
        handler.afterReply(exchange);
      }
    }
  }
}
