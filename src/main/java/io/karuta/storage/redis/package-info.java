/**
 * The Redis {@link io.karuta.storage.PeerStore}: each swarm lives in a few keys that share one
 * Cluster hash tag, and every read or update of a swarm is one server-side Lua script, so it is
 * atomic and one round trip. It runs on one server, on the primary that Redis Sentinel names, or on
 * a Redis Cluster ({@link io.karuta.storage.redis.RedisTopology}, read from {@code storage.config}
 * by {@link io.karuta.storage.redis.RedisStoreConfig}). See {@link
 * io.karuta.storage.redis.SwarmKeys} for the key layout and {@link
 * io.karuta.storage.redis.SwarmScripts} for the scripts.
 */
package io.karuta.storage.redis;
