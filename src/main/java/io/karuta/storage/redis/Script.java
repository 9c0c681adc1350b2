package io.karuta.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script called by its SHA1 with EVALSHA. A server's script cache is emptied by a restart,
 * a failover or SCRIPT FLUSH, and on a Cluster every primary has its own: on NOSCRIPT the script is
 * loaded with SCRIPT LOAD on the node that holds the call's first key, and the call retried once.
 * Thread-safe.
 */
final class Script {
  private final byte[] source;
  private volatile byte[] sha;

  Script(String source) {
    this.source = source.getBytes(StandardCharsets.UTF_8);
  }

  /** Runs the script on {@code keys}, which must share one hash slot. */
  Object call(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
    byte[] known = sha;
    if (known == null) {
      known = load(redis, keys.get(0));
    }
    try {
      return redis.evalsha(known, keys, args);
    } catch (JedisNoScriptException forgotten) {
      return redis.evalsha(load(redis, keys.get(0)), keys, args);
    }
  }

  private byte[] load(UnifiedJedis redis, byte[] sampleKey) {
    byte[] loaded = redis.scriptLoad(source, sampleKey);
    sha = loaded;
    return loaded;
  }
}
