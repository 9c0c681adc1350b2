package io.karuta.frontend.udp;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads Linux's counters of the UDP sockets bound to one local port, summed over the port's
 * sockets, from {@code /proc/net/udp} and {@code /proc/net/udp6}: the datagrams dropped because a
 * receive buffer was full (the {@code drops} column) and the bytes waiting in the receive queues
 * ({@code rx_queue}). Called when someone asks (a metric, a test), never per datagram.
 */
final class KernelUdpCounters {
  private static final Path[] TABLES = {Path.of("/proc/net/udp"), Path.of("/proc/net/udp6")};

  private KernelUdpCounters() {}

  /** Returns the drops of every socket on {@code port}, or -1 when no table can be read. */
  static long drops(int port) {
    return sum(port, false);
  }

  /**
   * Returns the bytes waiting in the receive queues of every socket on {@code port} (the {@code
   * rx_queue} column): the UDP workers' backlog. -1 when no table can be read.
   */
  static long queuedBytes(int port) {
    return sum(port, true);
  }

  private static long sum(int port, boolean queue) {
    long drops = 0;
    boolean read = false;
    for (Path table : TABLES) {
      try (BufferedReader lines = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
        lines.readLine(); // the header
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          try {
            drops += queue ? queuedOf(line.trim(), port) : dropsOf(line.trim(), port);
          } catch (NumberFormatException e) {
            // A row in a format this reader does not know: not ours to count.
          }
        }
        read = true;
      } catch (IOException e) {
        // Not Linux, or no IPv6: the other table may still answer.
      }
    }
    return read ? drops : -1;
  }

  /**
   * Returns the drops column of one table row if its local port is {@code port}, else 0. A row
   * reads {@code "sl: addr:PORT rem:port st ... drops"}, the port in hexadecimal.
   */
  static long dropsOf(String row, int port) {
    return column(row, port, -1);
  }

  /**
   * Returns the receive queue of one table row if its local port is {@code port}, else 0: the part
   * after the colon of the fifth column, {@code "tx_queue:rx_queue"} in hexadecimal.
   */
  static long queuedOf(String row, int port) {
    return column(row, port, 4);
  }

  private static long column(String row, int port, int index) {
    String[] columns = row.split("\\s+");
    if (columns.length < 3) {
      return 0;
    }
    String local = columns[1];
    int colon = local.lastIndexOf(':');
    if (colon < 0 || Integer.parseInt(local.substring(colon + 1), 16) != port) {
      return 0;
    }
    if (index < 0) {
      return Long.parseLong(columns[columns.length - 1]);
    }
    if (columns.length <= index) {
      return 0;
    }
    String queues = columns[index];
    return Long.parseLong(queues.substring(queues.indexOf(':') + 1), 16);
  }
}
