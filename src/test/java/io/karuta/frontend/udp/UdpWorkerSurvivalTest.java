package io.karuta.frontend.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.testing.TrackerContainer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A worker owns its socket, so it must outlive anything a request throws, even an {@link Error}
 * from a hook: otherwise its socket stays bound and every client the kernel sends there goes
 * unanswered. With one worker, the announce after the failing one must still be answered.
 */
class UdpWorkerSurvivalTest {
  private static final String KEY = "survival-test-key";
  static final AtomicInteger CALLS = new AtomicInteger();

  /** Throws an {@link Error} from the first pre-hook call, as a hook with a missing class would. */
  @Dependent
  @Named("error once")
  public static class ErrorOnce implements Hook {
    @Override
    public void handleAnnounce(AnnounceContext context) {
      if (CALLS.getAndIncrement() == 0) {
        throw new NoClassDefFoundError("a hook's missing dependency");
      }
    }
  }

  @Test
  void anErrorInAHookCostsOneReplyNotTheWorker() throws Exception {
    int port = UdpFixtures.freeLoopbackPort();
    WeldContainer container =
        TrackerContainer.startTracker(
            Map.of(
                "karuta.udp.addr",
                "127.0.0.1:" + port,
                "karuta.udp.private_key",
                KEY,
                "karuta.udp.workers",
                "1",
                "karuta.prehooks[0].name",
                "error once"),
            ErrorOnce.class);
    try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setSoTimeout(1_000);
      long id = UdpFixtures.loopbackConnectionId(KEY);
      DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
      UdpFixtures.sendToLoopback(
          client, port, UdpFixtures.zeroHashAnnounce(id, 1, "-KR0001-000000000002"));
      assertThrows(
          SocketTimeoutException.class, () -> client.receive(reply), "no reply to the failed one");
      client.setSoTimeout(10_000);
      UdpFixtures.sendToLoopback(
          client, port, UdpFixtures.zeroHashAnnounce(id, 2, "-KR0001-000000000002"));
      client.receive(reply);
      ByteBuffer answer = ByteBuffer.wrap(reply.getData());
      assertEquals(1, answer.getInt(0), "an announce reply");
      assertEquals(2, answer.getInt(4), "to the second announce");
    } finally {
      container.shutdown();
    }
  }
}
