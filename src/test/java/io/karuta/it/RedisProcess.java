package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The process of a test's redis-server, to hang it ({@code SIGSTOP}), resume it or kill it as a
 * crash would. Only a process this JVM started is ever signalled.
 */
final class RedisProcess {
  private RedisProcess() {}

  /** Returns the redis-server on {@code port}, checking that it is a child of this JVM. */
  static ProcessHandle onPort(int port) throws IOException {
    ProcessHandle server = ProcessHandle.of(processId(port)).orElseThrow();
    assertEquals(
        ProcessHandle.current().pid(),
        server.parent().map(ProcessHandle::pid).orElse(-1L),
        "the Redis on port " + port + " is one this JVM started");
    return server;
  }

  /** Sends the signal {@code name} ({@code STOP}, {@code CONT}) to {@code process}. */
  static void signal(ProcessHandle process, String name) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
            .redirectErrorStream(true)
            .start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill -" + name + " returns");
    assertEquals(0, kill.exitValue(), "kill -" + name);
  }

  /** Asks the Redis on {@code port} for its process ID ({@code INFO server}). */
  private static long processId(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("INFO server\r\n".getBytes(StandardCharsets.US_ASCII));
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("process_id:")) {
          return Long.parseLong(line.substring("process_id:".length()).trim());
        }
      }
    }
    throw new AssertionError("the Redis on port " + port + " did not tell its process_id");
  }
}
