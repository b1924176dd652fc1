/**
 * Lua scripts for the Redis limiter. Each admit and each settle is one
 * script, so a check and its reservation are atomic across every replica
 * sharing the Redis, and cost one round trip.
 *
 * Keys (all under the key id's hash tag, so a Redis Cluster keeps them on one slot):
 *   1 rate hash     rt (requests left), tt (tokens left), ts (ms of last update)
 *   2 budget hash   spent, reserved (USD) for one period
 *   3 zset          open reservations by expiry time
 *   4 hash          open reservations' costs
 */

/**
 * ARGV: now ms ('' = the Redis server's clock, one clock for all replicas), rpm, tpm (0 = none), estimated tokens,
 * budget ('' = none), estimated cost, reservation id, reservation TTL ms, budget keys' TTL ms, seed spend ('' = none).
 * Returns {1, tokens charged} | {0, 1 rpm | 2 tpm, wait ms} | {0, 3, 0, spent} | {-1} (budget state missing: seed it).
 */
export const ADMIT_LUA = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local rpm, tpm = tonumber(ARGV[2]), tonumber(ARGV[3])
local rt, tt, need = 0, 0, 0
if rpm > 0 or tpm > 0 then
  local s = redis.call('HMGET', KEYS[1], 'rt', 'tt', 'ts')
  local dt = math.max(0, now - (tonumber(s[3]) or now))
  if rpm > 0 then
    rt = math.min(rpm, (tonumber(s[1]) or rpm) + dt * rpm / 60000)
    if rt < 1 then return {0, 1, math.ceil((1 - rt) * 60000 / rpm)} end
  end
  if tpm > 0 then
    need = math.min(tonumber(ARGV[4]), tpm)
    tt = math.min(tpm, (tonumber(s[2]) or tpm) + dt * tpm / 60000)
    if tt < need then return {0, 2, math.ceil((need - tt) * 60000 / tpm)} end
  end
end
if ARGV[5] ~= '' then
  local budget, cost = tonumber(ARGV[5]), tonumber(ARGV[6])
  if redis.call('EXISTS', KEYS[2]) == 0 then
    if ARGV[10] == '' then return {-1} end
    redis.call('HSET', KEYS[2], 'spent', ARGV[10], 'reserved', 0)
  end
  local stale = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 100)
  for _, id in ipairs(stale) do
    local c = redis.call('HGET', KEYS[4], id)
    if c then
      redis.call('HINCRBYFLOAT', KEYS[2], 'reserved', '-' .. c)
      redis.call('HDEL', KEYS[4], id)
    end
    redis.call('ZREM', KEYS[3], id)
  end
  local b = redis.call('HMGET', KEYS[2], 'spent', 'reserved')
  local spent = tonumber(b[1])
  if spent + tonumber(b[2]) + cost > budget + 1e-9 then return {0, 3, 0, tostring(spent)} end
  if cost > 0 then
    redis.call('HINCRBYFLOAT', KEYS[2], 'reserved', ARGV[6])
    redis.call('ZADD', KEYS[3], now + tonumber(ARGV[8]), ARGV[7])
    redis.call('HSET', KEYS[4], ARGV[7], ARGV[6])
  end
  local ttl = tonumber(ARGV[9])
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[3], ttl)
  redis.call('PEXPIRE', KEYS[4], ttl)
end
if rpm > 0 or tpm > 0 then
  redis.call('HSET', KEYS[1], 'ts', now)
  if rpm > 0 then redis.call('HSET', KEYS[1], 'rt', rt - 1) end
  if tpm > 0 then redis.call('HSET', KEYS[1], 'tt', tt - need) end
  redis.call('PEXPIRE', KEYS[1], 600000)
end
return {1, need}
`;

/**
 * ARGV: tpm (0 = none), tokens to give back (charged - actual; negative takes more), budget? ('1' or ''),
 * reservation id, actual cost. A reservation already expired was released by an admit; the spend still counts.
 * When the budget state is gone (evicted), nothing is written: the next admit seeds it from the ledger.
 */
export const SETTLE_LUA = `
local tpm, delta = tonumber(ARGV[1]), tonumber(ARGV[2])
if tpm > 0 and delta ~= 0 then
  local tt = tonumber(redis.call('HGET', KEYS[1], 'tt'))
  if tt then redis.call('HSET', KEYS[1], 'tt', math.min(tpm, tt + delta)) end
end
if ARGV[3] ~= '' and redis.call('EXISTS', KEYS[2]) == 1 then
  local c = redis.call('HGET', KEYS[4], ARGV[4])
  if c then
    redis.call('HINCRBYFLOAT', KEYS[2], 'reserved', '-' .. c)
    redis.call('HDEL', KEYS[4], ARGV[4])
    redis.call('ZREM', KEYS[3], ARGV[4])
  end
  redis.call('HINCRBYFLOAT', KEYS[2], 'spent', ARGV[5])
end
return 1
`;
