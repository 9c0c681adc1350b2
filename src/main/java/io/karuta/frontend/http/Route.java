package io.karuta.frontend.http;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link RouteTable#match(String)} found for a request path: which kind of request it is, and
 * the values of the template's parameters.
 *
 * @param kind announce or scrape
 * @param params each parameter name of the matched template (without {@code :}, {@code {}} or
 *     {@code *}) mapped to its raw, still percent-encoded value; empty for a literal route
 */
public record Route(Kind kind, Map<String, String> params) {

  /** The kinds of tracker request an HTTP path can name. */
  public enum Kind {
    /** An announce (BEP 3). */
    ANNOUNCE,
    /** A scrape (BEP 48). */
    SCRAPE
  }

  /** Checks that the kind is present and makes the parameters immutable. */
  public Route {
    Objects.requireNonNull(kind, "kind");
    params = Map.copyOf(params);
  }
}
