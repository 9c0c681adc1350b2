package io.karuta.frontend.http;

import io.karuta.bittorrent.ClientError;
import io.karuta.net.ClientAddressResolver;

/**
 * The failures the HTTP frontend shows to clients as {@code failure reason}. The texts are
 * chihaya's (frontend/http/parser.go, bittorrent/params.go), so clients and monitoring that know
 * chihaya see the same words; the last two are Karuta's own. Each constant is an immutable,
 * stackless {@link ClientError}.
 */
public final class HttpErrors {
  /** An {@code event} that is not one of BEP 3's (nor {@code empty} or {@code paused}). */
  public static final ClientError INVALID_EVENT =
      new ClientError("failed to provide valid client event");

  /** An announce or scrape without {@code info_hash}. */
  public static final ClientError NO_INFO_HASH = new ClientError("no info_hash parameter supplied");

  /** An announce with more than one {@code info_hash}. */
  public static final ClientError MULTIPLE_INFO_HASHES =
      new ClientError("multiple info_hash parameters supplied");

  /** An announce without {@code peer_id}. */
  public static final ClientError MISSING_PEER_ID =
      new ClientError("failed to parse parameter: peer_id");

  /** A {@code peer_id} that is not 20 bytes. */
  public static final ClientError INVALID_PEER_ID =
      new ClientError("failed to provide valid peer_id");

  /** A missing {@code left}, or one that is not a whole number from 0 to 2<sup>63</sup>-1. */
  public static final ClientError UNPARSABLE_LEFT =
      new ClientError("failed to parse parameter: left");

  /** A missing {@code downloaded}, or one that is not a whole number from 0 to 2<sup>63</sup>-1. */
  public static final ClientError UNPARSABLE_DOWNLOADED =
      new ClientError("failed to parse parameter: downloaded");

  /** A missing {@code uploaded}, or one that is not a whole number from 0 to 2<sup>63</sup>-1. */
  public static final ClientError UNPARSABLE_UPLOADED =
      new ClientError("failed to parse parameter: uploaded");

  /** A {@code numwant} that is present but not a whole number from 0 to 2<sup>32</sup>-1. */
  public static final ClientError UNPARSABLE_NUMWANT =
      new ClientError("failed to parse parameter: numwant");

  /**
   * A missing {@code port}, or one that is not a whole number from 0 to 65535. Port 0 parses, and
   * is then refused by the sanitiser with {@link ClientError#INVALID_PORT}.
   */
  public static final ClientError UNPARSABLE_PORT =
      new ClientError("failed to parse parameter: port");

  /** A client address that is not an IP literal: spoofed, from a proxy header, or the socket's. */
  public static final ClientError UNPARSABLE_IP = ClientAddressResolver.UNPARSABLE_IP;

  /** A query string longer than {@code http.max_query_length}. */
  public static final ClientError QUERY_TOO_LONG = new ClientError("query string too long");

  /** A path that is neither an announce route nor a scrape route. */
  public static final ClientError NOT_FOUND = new ClientError("not found");

  private HttpErrors() {}
}
