package io.karuta.storage.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script called by its SHA1 with EVALSHA. The SHA1 is computed here, so no call waits for a
 * SCRIPT LOAD. A server's script cache starts empty and is emptied by a restart, a failover or
 * SCRIPT FLUSH, and on a Cluster every node has its own; on NOSCRIPT the call is repeated once as
 * EVAL, which the client routes by key to the node that answered NOSCRIPT and which leaves the
 * script in that node's cache. (SCRIPT LOAD would go to every node of a Cluster, so one slow node
 * would hold up calls for every slot.) Thread-safe.
 */
final class Script {
  private final byte[] sourceBytes;
  private final byte[] sha;

  Script(String source) {
    this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
    this.sha = sha1Hex(sourceBytes);
  }

  /** Runs the script on {@code keys}, which must share one hash slot. */
  Object call(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
    try {
      return redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException forgotten) {
      return redis.eval(sourceBytes, keys, args);
    }
  }

  /** Returns the SHA1 Redis knows the script by, as lowercase hex. */
  byte[] sha() {
    return sha.clone();
  }

  private static byte[] sha1Hex(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
