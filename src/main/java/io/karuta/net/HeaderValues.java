package io.karuta.net;

import java.util.Enumeration;

/** Reads a request header the way the client-address resolution expects it. */
public final class HeaderValues {
  private HeaderValues() {}

  /**
   * Returns every value of a header joined by {@code ","} (repeated header lines are one list, as
   * RFC 9110 allows), or {@code null} when there is none. A single value is returned as it is.
   */
  public static String joined(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder all = new StringBuilder(first);
    while (values.hasMoreElements()) {
      all.append(',').append(values.nextElement());
    }
    return all.toString();
  }
}
