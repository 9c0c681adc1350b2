package io.karuta.bittorrent;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one tracker request: the query string of an HTTP announce or scrape, the BEP 41
 * URL data of a UDP announce, and the route parameters of the HTTP path (such as a passkey in
 * {@code /{passkey}/announce}). Hooks read arbitrary keys from here ({@code jwt}, {@code passkey},
 * {@code key}, …).
 *
 * <p>Instances are immutable and built by {@link QueryParser}. Keys are lower-cased; when a key
 * repeats, the last value wins, except {@code info_hash}, whose values are all kept in order.
 */
public final class Params {
  private static final Params EMPTY = new Params("", Map.of(), List.of(), Map.of());

  private final String path;
  private final Map<String, String> values;
  private final List<InfoHash> infoHashes;
  private final Map<String, String> routeParams;

  Params(
      String path,
      Map<String, String> values,
      List<InfoHash> infoHashes,
      Map<String, String> routeParams) {
    this.path = path;
    this.values = values;
    this.infoHashes = infoHashes;
    this.routeParams = routeParams;
  }

  /** Returns the parameters of a request that carried none. */
  public static Params empty() {
    return EMPTY;
  }

  /**
   * Returns the raw (still percent-encoded) path of the request, or {@code ""} when there was none.
   */
  public String path() {
    return path;
  }

  /**
   * Returns the decoded value of {@code key} as ISO-8859-1 text (each byte becomes the character
   * with the same code, so no byte is lost), or {@code null} when the key is absent. A key present
   * without {@code =} has the value {@code ""}.
   *
   * @param key a lower-case key
   */
  public String get(String key) {
    return values.get(key);
  }

  /** Returns whether {@code key} was present. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Returns the decoded bytes of {@code key}, or {@code null} when the key is absent. */
  public byte[] bytes(String key) {
    String value = values.get(key);
    return value == null ? null : value.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Returns every {@code info_hash} value, in request order, duplicates included. */
  public List<InfoHash> infoHashes() {
    return infoHashes;
  }

  /** Returns the route parameter {@code name} of the HTTP path, or {@code null}. */
  public String routeParam(String name) {
    return routeParams.get(name);
  }

  /** Returns a copy of these parameters with the given route parameters of the HTTP path. */
  public Params withRouteParams(Map<String, String> params) {
    if (params.isEmpty() && routeParams.isEmpty()) {
      return this;
    }
    return new Params(path, values, infoHashes, Collections.unmodifiableMap(new HashMap<>(params)));
  }

  @Override
  public String toString() {
    // Values and the path may hold secrets (jwt, passkey, /{passkey}/announce): show keys only.
    return "Params[keys=" + values.keySet() + ", info_hashes=" + infoHashes.size() + "]";
  }
}
