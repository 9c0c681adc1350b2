package io.karuta.storage.redis;

/**
 * The Lua sources of the store. Each runs on the keys of one swarm ({@link SwarmKeys}, passed as
 * KEYS seeders, leechers, meta) and first drops that swarm's stale peers, so what it returns never
 * counts a peer older than the peer lifetime, whatever the garbage collection did. Times come from
 * Karuta's clock as arguments, never from the server's, so all instances and the tests agree.
 *
 * <p>Scores are computed in Java and passed as decimal strings: Lua numbers are doubles and Redis
 * may print a large one in exponent form.
 */
final class SwarmScripts {
  private SwarmScripts() {}

  // Shared by both scripts. ARGV[1] is the highest stale score (2 × cutoff + 1) and ARGV[2] the
  // cutoff in seconds. An empty swarm keeps its download count until it has been idle a lifetime.
  private static final String TRIM =
      """
      local S, L, M = KEYS[1], KEYS[2], KEYS[3]
      redis.call('ZREMRANGEBYSCORE', S, '-inf', ARGV[1])
      redis.call('ZREMRANGEBYSCORE', L, '-inf', ARGV[1])
      if redis.call('EXISTS', S, L) == 0 then
        local seen = redis.call('HGET', M, 'seen')
        if not seen or tonumber(seen) <= tonumber(ARGV[2]) then
          redis.call('DEL', M)
        end
      end
      """;

  /**
   * Changes one peer. ARGV after the trim arguments: 3 the operation ({@code S} put seeder, {@code
   * L} put leecher, {@code G} graduate, {@code DS} delete seeder, {@code DL} delete leecher), 4 the
   * member, 5 now in seconds, 6 the score of an uncounted peer seen now, 7 the same plus the
   * counted flag, 8 the key TTL in seconds. Returns 1 when a put happened or a delete found the
   * peer in that role, else 0. Every key still present afterwards gets its TTL refreshed.
   */
  static final String UPDATE =
      TRIM
          + """
          local op, member, now = ARGV[3], ARGV[4], ARGV[5]
          local inS = redis.call('ZSCORE', S, member)
          local inL = redis.call('ZSCORE', L, member)
          local old = inS or inL
          local counted = old and tonumber(old) % 2 == 1
          local done = 1
          if op == 'S' or op == 'L' or op == 'G' then
            if op == 'G' and not counted then
              counted = true
              redis.call('HINCRBY', M, 'n', 1)
            end
            local into, from = S, L
            if op == 'L' then into, from = L, S end
            redis.call('ZREM', from, member)
            redis.call('ZADD', into, counted and ARGV[7] or ARGV[6], member)
          else
            local role = S
            local found = inS
            if op == 'DL' then role, found = L, inL end
            if found then redis.call('ZREM', role, member) else done = 0 end
          end
          if done == 1 then
            if redis.call('EXISTS', M) == 1 then redis.call('HSET', M, 'seen', now) end
            redis.call('EXPIRE', S, ARGV[8])
            redis.call('EXPIRE', L, ARGV[8])
            redis.call('EXPIRE', M, ARGV[8])
          end
          return done
          """;

  /**
   * Reads a swarm: the whole response of an announce in one call. ARGV after the trim arguments: 3
   * whether the asker seeds ({@code 1}/{@code 0}), 4 how many peers it wants, 5 its member (empty
   * for a scrape). Returns seeders, leechers, downloads, the asker's role (0 absent, 1 seeder, 2
   * leecher), then up to that many distinct random members, never the asker: leechers for a seeder,
   * seeders then leechers for a leecher. Asking one more than wanted from each set leaves enough
   * after dropping the asker; ZRANDMEMBER with a positive count costs O(count), not O(swarm).
   */
  static final String READ =
      TRIM
          + """
          local seeders, leechers = redis.call('ZCARD', S), redis.call('ZCARD', L)
          local downloads = tonumber(redis.call('HGET', M, 'n') or '0')
          local want, asker = tonumber(ARGV[4]), ARGV[5]
          local role = 0
          if asker ~= '' then
            if redis.call('ZSCORE', S, asker) then
              role = 1
            elseif redis.call('ZSCORE', L, asker) then
              role = 2
            end
          end
          local out = {seeders, leechers, downloads, role}
          local function pick(key, size)
            if want <= 0 or size == 0 then return end
            for _, member in ipairs(redis.call('ZRANDMEMBER', key, math.min(want + 1, size))) do
              if want > 0 and member ~= asker then
                out[#out + 1] = member
                want = want - 1
              end
            end
          end
          if ARGV[3] == '0' then pick(S, seeders) end
          pick(L, leechers)
          return out
          """;
}
