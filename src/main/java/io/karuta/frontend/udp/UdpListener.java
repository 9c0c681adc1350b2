package io.karuta.frontend.udp;

import io.karuta.config.ConfigException;
import io.karuta.config.TrackerConfig;
import io.karuta.config.UdpConfig;
import io.karuta.container.LongRunning;
import io.karuta.logic.TrackerLogic;
import io.karuta.metrics.TrackerMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The UDP tracker (BEP 15): sockets on {@code udp.addr}, opened with the application and closed
 * with it, so a redeploy can bind the port again.
 *
 * <p>Each of the {@code udp.workers} threads owns a socket bound to the same address with {@code
 * SO_REUSEPORT}, and receives, answers and runs the post-reply work itself: no hand-over between
 * threads, no lock shared by the workers, no thread, task or buffer per datagram (measured: handing
 * each datagram from a receiver thread to a worker cost about three futex calls, more kernel time
 * than the reply itself). The kernel spreads clients over the sockets by address and port. The
 * queue is each socket's kernel receive buffer ({@code udp.receive_buffer}): when a worker falls
 * behind, the kernel drops what does not fit and counts it ({@link #droppedDatagrams()}), so memory
 * never grows under overload. Where {@code SO_REUSEPORT} is missing, the workers share one socket.
 * Threads come from the container's managed thread factory.
 */
@ApplicationScoped
public class UdpListener {
  private static final Logger LOG = Logger.getLogger(UdpListener.class.getName());

  /** Larger than any valid request (a full scrape is 1,496 bytes); longer datagrams are cut. */
  static final int DATAGRAM_CAPACITY = 2048;

  /** The most workers {@code udp.workers: 0} starts, as many as the setting allows. */
  static final int MAX_AUTOMATIC_WORKERS = 64;

  @Inject TrackerConfig config;
  @Inject TrackerLogic logic;
  @Inject TrackerMetrics metrics;
  @Inject @LongRunning ThreadFactory threadFactory;

  private final List<DatagramChannel> channels = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  // The started workers, published once all run, for health checks on other threads.
  private volatile List<Thread> startedWorkers = List.of();
  private volatile InetSocketAddress bound;
  private UdpHandler handler;

  /**
   * Binds the sockets and starts the workers, unless {@code udp.addr} is empty; called once, by the
   * tracker's start.
   *
   * @param automaticWorkers how many workers to run when {@code udp.workers} is 0 (at most {@value
   *     #MAX_AUTOMATIC_WORKERS}): as many as the peer store can serve at once ({@link
   *     io.karuta.storage.PeerStore#callerThreads()})
   * @throws IOException when a socket cannot be bound
   */
  public void start(int automaticWorkers) throws IOException {
    UdpConfig udp = config.udp();
    if (udp.addr().isEmpty()) {
      LOG.info("UDP tracker off (udp.addr is empty)");
      return;
    }
    InetSocketAddress address = udp.addr().get().toSocketAddress("karuta.udp.addr");
    handler =
        new UdpHandler(
            new UdpCodec(udp.sanitizer(), udp.allowIpSpoofing()),
            connectionIds(udp),
            logic,
            metrics);
    int workers =
        udp.workers() > 0 ? udp.workers() : Math.min(MAX_AUTOMATIC_WORKERS, automaticWorkers);
    try {
      bind(address, workers, udp.receiveBuffer());
    } catch (IOException | RuntimeException e) {
      closeChannels();
      throw e;
    }
    int receiveBuffer = channels.get(0).getOption(StandardSocketOptions.SO_RCVBUF);
    running = true;
    for (int i = 0; i < workers; i++) {
      DatagramChannel channel = channels.get(i % channels.size());
      start("karuta-udp-worker-" + i, () -> work(channel));
    }
    startedWorkers = List.copyOf(threads);
    LOG.info(
        () ->
            "UDP tracker listening on "
                + bound
                + " with "
                + workers
                + " workers on "
                + channels.size()
                + (channels.size() == 1 ? " socket, " : " sockets, ")
                + receiveBuffer
                + " bytes of receive buffer each");
  }

  /** Returns the address the sockets are bound to, or {@code null} when UDP is off. */
  public InetSocketAddress localAddress() {
    return bound;
  }

  /**
   * Returns how many datagrams the kernel dropped because a worker's socket buffer was full, since
   * the sockets were opened, or -1 where the kernel does not say (only Linux does, in {@code
   * /proc/net/udp}).
   */
  public long droppedDatagrams() {
    InetSocketAddress address = bound;
    return address == null ? 0 : KernelUdpCounters.drops(address.getPort());
  }

  /**
   * Returns the bytes waiting in the workers' socket receive queues, or -1 where the kernel does
   * not say; 0 when UDP is off.
   */
  public long queuedBytes() {
    InetSocketAddress address = bound;
    return address == null ? 0 : KernelUdpCounters.queuedBytes(address.getPort());
  }

  /** Returns whether the UDP sockets are bound and their workers run; false when UDP is off. */
  public boolean isServing() {
    List<Thread> started = startedWorkers;
    if (!running || bound == null || started.isEmpty()) {
      return false;
    }
    for (Thread thread : started) {
      if (!thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether {@code udp.addr} turns the UDP tracker on. */
  public boolean isEnabled() {
    return !config.udp().addr().isEmpty();
  }

  @PreDestroy
  void stop() {
    if (!running) {
      return;
    }
    running = false;
    // Closing a channel ends a blocking receive on it; interrupting wakes a worker in a hook.
    closeChannels();
    bound = null;
    threads.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
    startedWorkers = List.of();
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

  /**
   * Opens one socket per worker on {@code address} with {@code SO_REUSEPORT}, or one socket when
   * the platform lacks it. A plain bind first makes sure nobody else holds the port: with {@code
   * SO_REUSEPORT} alone, a second tracker started by mistake on the same port would silently share
   * the traffic.
   */
  private void bind(InetSocketAddress address, int workers, int receiveBuffer) throws IOException {
    DatagramChannel first = DatagramChannel.open();
    channels.add(first);
    boolean reusePort = first.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
    InetSocketAddress target = address;
    if (reusePort) {
      try (DatagramChannel probe = DatagramChannel.open()) {
        probe.bind(address);
        target = (InetSocketAddress) probe.getLocalAddress();
      } catch (IOException e) {
        throw cannotBind(address, e);
      }
    }
    for (int i = 0; i < (reusePort ? workers : 1); i++) {
      DatagramChannel channel = i == 0 ? first : DatagramChannel.open();
      if (i > 0) {
        channels.add(channel);
      }
      channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
      if (reusePort) {
        channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      try {
        channel.bind(target);
      } catch (IOException e) {
        throw cannotBind(target, e);
      }
      target = (InetSocketAddress) channel.getLocalAddress();
    }
    bound = target;
  }

  /** The start-up error for a socket that cannot be bound: the key to change, and why. */
  private static ConfigException cannotBind(InetSocketAddress address, IOException e) {
    return new ConfigException(
        "karuta.udp.addr: cannot bind "
            + address
            + " ("
            + e.getMessage()
            + "); another process may hold the port (a second tracker?), or the address is not"
            + " this machine's; set another address, or \"\" to turn UDP off");
  }

  private void closeChannels() {
    for (DatagramChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "closing a UDP socket failed", e);
      }
    }
    channels.clear();
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

  /** One worker: receive, answer, send, then the post-reply work; until the socket closes. */
  private void work(DatagramChannel channel) {
    // Direct, because the socket copies a heap buffer through a temporary direct one that it finds
    // with a thread-local lookup.
    ByteBuffer datagram = ByteBuffer.allocateDirect(DATAGRAM_CAPACITY);
    UdpHandler.Exchange exchange = handler.newExchange(replyCapacity(config.udp()));
    while (running) {
      try {
        datagram.clear();
        SocketAddress sender = channel.receive(datagram);
        datagram.flip();
        if (handler.handle(datagram, (InetSocketAddress) sender, exchange)) {
          channel.send(exchange.reply, sender);
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // The client is gone or unreachable; it will retry. Nothing to tell anyone.
        LOG.log(Level.FINE, "UDP receive or send failed", e);
      } catch (RuntimeException | Error e) {
        // Never let the worker die: its socket would stay bound, and the clients the kernel sends
        // to it would go unanswered.
        LOG.log(Level.SEVERE, "UDP datagram failed", e);
      } finally {
        handler.afterReply(exchange);
      }
    }
  }
}
