package io.karuta.logic;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.Event;
import io.karuta.storage.PeerRole;

/**
 * What an announce does to its peer's place in the swarm (BEP 3's events), in one place: the swarm
 * update applies it after the reply, and the reply's counts are computed from it before.
 */
final class SwarmRules {
  private SwarmRules() {}

  /**
   * Returns the role the announce leaves its peer in: {@code stopped} removes it; {@code completed}
   * and {@code left=0} make it a seeder; anything else (including {@code paused}) a leecher.
   */
  static PeerRole roleAfter(AnnounceRequest request) {
    if (request.event() == Event.STOPPED) {
      return PeerRole.ABSENT;
    }
    return request.event() == Event.COMPLETED || request.seeding()
        ? PeerRole.SEEDER
        : PeerRole.LEECHER;
  }

  /**
   * Returns how many seeders a swarm holds once its peer moved from {@code before} to {@code
   * after}, given {@code seeders} now.
   */
  static int seedersAfter(int seeders, PeerRole before, PeerRole after) {
    return seeders + delta(PeerRole.SEEDER, before, after);
  }

  /** Returns the same for leechers. */
  static int leechersAfter(int leechers, PeerRole before, PeerRole after) {
    return leechers + delta(PeerRole.LEECHER, before, after);
  }

  private static int delta(PeerRole role, PeerRole before, PeerRole after) {
    return (after == role ? 1 : 0) - (before == role ? 1 : 0);
  }
}
