package io.karuta.middleware.approval;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.ClientId;
import io.karuta.bittorrent.PeerId;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Set;

/**
 * Chihaya's {@code client approval}: admits or refuses an announce by the client ID of its peer ID
 * ({@link ClientId}), from a {@code whitelist} or a {@code blacklist} of 6-byte client IDs. Without
 * either list (or with an empty one) every client passes, as in chihaya. Scrapes carry no peer ID
 * and always pass.
 *
 * <p>Thread-safe: the list is fixed at configuration. A lookup allocates nothing: client IDs are
 * kept as sorted 48-bit numbers, and the one of a request is read from the peer ID's fields.
 */
@Dependent
@Named(ClientApprovalHook.NAME)
public class ClientApprovalHook implements Hook {
  /** The name operators write in the hook lists. */
  public static final String NAME = "client approval";

  /** The rejection of an announce whose client is not approved (chihaya's text). */
  public static final ClientError UNAPPROVED_CLIENT = new ClientError("unapproved client");

  private static final long SIX_BYTES = (1L << 48) - 1;

  private Mode mode;
  private long[] sortedIds = new long[0];

  @Override
  public void configure(Options options) {
    options.rejectUnknown(Set.of(Mode.WHITELIST.key(), Mode.BLACKLIST.key()));
    ListOption<ClientId> list = ListOption.read(options, ClientId::of);
    mode = list.mode();
    sortedIds = list.entries().stream().mapToLong(ClientApprovalHook::number).sorted().toArray();
  }

  @Override
  public void handleAnnounce(AnnounceContext context) {
    if (mode != null) {
      boolean listed = Arrays.binarySearch(sortedIds, number(context.request().peer().id())) >= 0;
      if (!mode.approves(listed)) {
        throw UNAPPROVED_CLIENT;
      }
    }
  }

  /** Returns the six bytes of a client ID as a number, first byte highest. */
  private static long number(ClientId clientId) {
    long number = 0;
    for (byte b : clientId.bytes()) {
      number = number << 8 | (b & 0xFF);
    }
    return number;
  }

  /**
   * Returns {@code number(ClientId.of(peerId))} without copying the peer ID: bytes 1 to 6 after a
   * leading {@code -} (Azureus style), else bytes 0 to 5; both lie in the first eight bytes.
   */
  static long number(PeerId peerId) {
    long first8 = peerId.high();
    boolean azureus = (first8 >>> 56) == '-';
    return (azureus ? first8 >>> 8 : first8 >>> 16) & SIX_BYTES;
  }
}
