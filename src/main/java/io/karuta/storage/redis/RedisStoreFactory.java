package io.karuta.storage.redis;

import io.karuta.config.Options;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.InstantSource;

/**
 * The {@code redis} store: swarms in Redis, shared by every instance that uses it. No sweep: the
 * scripts drop the stale peers of the swarm they touch, and key TTLs the rest.
 */
@ApplicationScoped
@Named("redis")
public class RedisStoreFactory implements PeerStoreFactory {

  @Override
  public PeerStore create(Options options) {
    return new RedisPeerStore(RedisStoreConfig.from(options), InstantSource.system());
  }
}
