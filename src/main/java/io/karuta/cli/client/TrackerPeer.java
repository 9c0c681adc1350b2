package io.karuta.cli.client;

import io.karuta.bittorrent.PeerId;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer as a tracker lists it.
 *
 * @param ip the address: an IP literal from compact peers, or the {@code ip} text of a dictionary
 *     peer, which BEP 3 allows to be a host name
 * @param port the peer's port
 * @param id the peer's ID, only in dictionary peers (and not with {@code no_peer_id})
 */
public record TrackerPeer(String ip, int port, Optional<PeerId> id) {

  /** Checks that every part is present. */
  public TrackerPeer {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(id, "id");
  }

  /** Returns {@code ip:port}, with brackets around an IPv6 address: {@code [::1]:6881}. */
  public String endpoint() {
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
  }
}
