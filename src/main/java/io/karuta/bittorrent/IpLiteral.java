package io.karuta.bittorrent;

/** Parses and formats IP address literals without ever resolving a name. */
final class IpLiteral {
  private IpLiteral() {}

  static byte[] parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      throw invalid();
    }
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text, 0, text.length());
  }

  /** Strict dotted quad: four decimal parts, each 0 to 255, without leading zeros. */
  private static byte[] parseIpv4(String text, int from, int to) {
    byte[] out = new byte[4];
    int part = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        if (part == 4) {
          throw invalid();
        }
        out[part++] = (byte) decimalOctet(text, start, i);
        start = i + 1;
      }
    }
    if (part != 4) {
      throw invalid();
    }
    return out;
  }

  private static int decimalOctet(String text, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
      throw invalid();
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid();
      }
      value = value * 10 + (c - '0');
    }
    if (value > 255) {
      throw invalid();
    }
    return value;
  }

  private static byte[] parseIpv6(String text) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    int n = text.length();
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
    } else if (text.charAt(0) == ':') {
      throw invalid();
    }
    while (i < n) {
      int end = i;
      while (end < n && text.charAt(end) != ':') {
        end++;
      }
      if (end == i) {
        throw invalid();
      }
      if (end == n && text.indexOf('.', i) >= 0) {
        if (count > 6) {
          throw invalid();
        }
        byte[] v4 = parseIpv4(text, i, end);
        groups[count++] = (v4[0] & 0xFF) << 8 | (v4[1] & 0xFF);
        groups[count++] = (v4[2] & 0xFF) << 8 | (v4[3] & 0xFF);
        i = end;
        break;
      }
      if (count == 8 || end - i > 4) {
        throw invalid();
      }
      groups[count++] = hexGroup(text, i, end);
      if (end == n) {
        i = end;
        break;
      }
      if (end + 1 < n && text.charAt(end + 1) == ':') {
        if (gap >= 0) {
          throw invalid();
        }
        gap = count;
        i = end + 2;
      } else if (end + 1 == n) {
        throw invalid();
      } else {
        i = end + 1;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      throw invalid();
    }
    byte[] out = new byte[16];
    int tail = gap < 0 ? 0 : count - gap;
    for (int g = 0; g < count; g++) {
      int slot = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
      out[2 * slot] = (byte) (groups[g] >>> 8);
      out[2 * slot + 1] = (byte) groups[g];
    }
    return out;
  }

  private static int hexGroup(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = Hex.value(text.charAt(i));
      if (digit < 0) {
        throw invalid();
      }
      value = value << 4 | digit;
    }
    return value;
  }

  static String format(IpAddress address) {
    if (address.family() == AddressFamily.IPV4) {
      long v = address.low();
      return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
    int[] groups = new int[8];
    for (int g = 0; g < 8; g++) {
      long half = g < 4 ? address.high() : address.low();
      groups[g] = (int) (half >>> (48 - 16 * (g % 4))) & 0xFFFF;
    }
    // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first one on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; ) {
      if (groups[g] != 0) {
        g++;
        continue;
      }
      int start = g;
      while (g < 8 && groups[g] == 0) {
        g++;
      }
      if (g - start > bestLength) {
        bestStart = start;
        bestLength = g - start;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[g]));
    }
    return out.toString();
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("not an IP address literal");
  }
}
