package io.karuta.storage;

/**
 * What one peer is in one swarm: absent, a seeder or a leecher; never both (see {@link PeerStore}).
 */
public enum PeerRole {
  /** Not in the swarm. */
  ABSENT,
  /** In the swarm with nothing left to download. */
  SEEDER,
  /** In the swarm, still downloading. */
  LEECHER
}
