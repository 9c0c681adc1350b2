package io.karuta.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script called by its SHA1 with EVALSHA. The server's script cache is emptied by a
 * restart, a failover or SCRIPT FLUSH; on NOSCRIPT the script is loaded again with SCRIPT LOAD and
 * the call retried once. Thread-safe.
 */
final class Script {
  private final byte[] source;
  private volatile byte[] sha;

  Script(String source) {
    this.source = source.getBytes(StandardCharsets.UTF_8);
  }

  /** Loads the script on the server behind {@code jedis}; later calls use its SHA1. */
  void load(Jedis jedis) {
    sha = jedis.scriptLoad(source);
  }

  /** Runs the script, loading it first if the server has forgotten it. */
  Object call(Jedis jedis, List<byte[]> keys, List<byte[]> args) {
    byte[] known = sha;
    if (known == null) {
      load(jedis);
      known = sha;
    }
    try {
      return jedis.evalsha(known, keys, args);
    } catch (JedisNoScriptException forgotten) {
      load(jedis);
      return jedis.evalsha(sha, keys, args);
    }
  }
}
