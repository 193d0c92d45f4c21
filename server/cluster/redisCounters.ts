/**
 * The defence counters in Redis, shared by every instance on it. Each change is one Lua script,
 * so that two instances counting the same key at once cannot lose a count; every key expires
 * on its own (a count with its window or lockout, a bucket once it would be full again), and
 * times are Redis's own (TIME, PTTL), so instances with skewed clocks still agree.
 *
 * When Redis cannot be reached, each instance counts in its own memory until it is back, and
 * says so once. Refusing every sign-in and write would turn a Redis outage into an outage of
 * the whole service; not counting at all would let guessing run free; counting per instance
 * is what one instance alone always did — the limit times the number of instances, for the
 * length of the outage. Counts made meanwhile are not carried over to Redis.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryCounters, type BucketRule, type Counters, type LockoutRule } from './counters';

/** Options of the Redis counters. */
export interface RedisCountersOptions {
  /** `redis://host:port/db` (the fan-out's REDIS_URL). */
  url: string;
  /** Prefix of every key (the fan-out's, so that tests sharing a Redis do not collide). */
  prefix?: string;
  /** How long one command may take before this instance counts in memory instead, in ms. */
  commandTimeoutMs?: number;
  /** Where an outage is reported (once per outage) and the return of Redis. */
  log?: Pick<Console, 'warn' | 'error'>;
}

// KEYS: failures, lockout. ARGV: allowed, windowMs, baseDelayMs, maxDelayMs.
// The count lives for its window, or as long as its lockout when that is longer; a lockout
// doubles with every failure past the allowed number (as `lockoutMs` computes it).
const FAIL = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local allowed = tonumber(ARGV[1])
if n >= allowed then
  local delay = math.floor(math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ math.min(20, n - allowed)))
  redis.call('SET', KEYS[2], n, 'PX', delay)
  if redis.call('PTTL', KEYS[1]) < delay then redis.call('PEXPIRE', KEYS[1], delay) end
end
return n`;

// KEYS: lockouts. The longest time left on any of them, in ms (0: none).
const LOCKED = `
local wait = 0
for _, k in ipairs(KEYS) do
  local t = redis.call('PTTL', k)
  if t > wait then wait = t end
end
return wait`;

// KEYS: bucket. ARGV: perSecond, burst. 1 when a token was taken, 0 when the bucket is empty.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
return ok`;

interface Scripts {
  penholderFail(failures: string, lockout: string, allowed: number, windowMs: number, baseDelayMs: number, maxDelayMs: number): Promise<number>;
  penholderLocked(count: number, ...keys: string[]): Promise<number>;
  penholderTake(bucket: string, perSecond: number, burst: number): Promise<number>;
}

// Keys hold logins as typed (sometimes a password typed into the wrong field) and addresses:
// Redis sees only their hashes.
const hashed = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 32);

/** The counters in Redis, falling back to this instance's memory while Redis is away. */
export class RedisCounters implements Counters {
  readonly shared = true;
  private readonly redis: Redis & Scripts;
  private readonly prefix: string;
  private readonly local = new MemoryCounters();
  private down = false;

  constructor(private readonly opts: RedisCountersOptions) {
    this.prefix = opts.prefix ?? 'penholder:';
    // As the fan-out's publisher: no offline queue, so that a command fails at once while
    // Redis is away instead of holding a sign-in until it is back.
    this.redis = new Redis(opts.url, {
      retryStrategy: (n: number) => Math.min(100 * n, 1_000),
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: opts.commandTimeoutMs ?? 500,
    }) as Redis & Scripts;
    this.redis.on('error', (e: Error) => this.fault(e));
    this.redis.on('ready', () => this.back());
    this.redis.defineCommand('penholderFail', { numberOfKeys: 2, lua: FAIL });
    this.redis.defineCommand('penholderLocked', { lua: LOCKED });
    this.redis.defineCommand('penholderTake', { numberOfKeys: 1, lua: TAKE });
  }

  /** Resolves once connected (for tests). */
  async ready(): Promise<void> {
    if (this.redis.status !== 'ready') await new Promise((r) => this.redis.once('ready', r));
  }

  async lockedMs(keys: string[]): Promise<number> {
    const shared = await this.run(
      () => this.redis.penholderLocked(keys.length, ...keys.map((k) => this.key('lock', k))),
      () => 0,
    );
    // Lockouts counted here during an outage still hold after it.
    return Math.max(0, Number(shared), this.local.lockedMsNow(keys));
  }

  async fail(key: string, rule: LockoutRule): Promise<void> {
    await this.run<unknown>(
      () => this.redis.penholderFail(this.key('failures', key), this.key('lock', key), rule.allowed, rule.windowMs, rule.baseDelayMs, rule.maxDelayMs),
      () => this.local.failNow(key, rule),
    );
  }

  async forget(key: string): Promise<void> {
    await this.local.forget(key);
    await this.run<unknown>(
      () => this.redis.del(this.key('failures', key), this.key('lock', key)),
      () => undefined,
    );
  }

  take(key: string, rule: BucketRule): Promise<boolean> {
    return this.run(
      async () => (await this.redis.penholderTake(this.key('bucket', key), rule.perSecond, rule.burst)) === 1,
      () => this.local.takeNow(key, rule),
    );
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private key(kind: string, key: string): string {
    return `${this.prefix}counters:${kind}:${hashed(key)}`;
  }

  // In Redis when it answers, else in memory. (A connection that is not ready has reported
  // its fault through the 'error' event; before the first connection it is only starting.)
  private async run<T>(inRedis: () => Promise<T>, inMemory: () => T): Promise<T> {
    if (this.redis.status !== 'ready') return inMemory();
    try {
      const result = await inRedis();
      this.back();
      return result;
    } catch (e) {
      this.fault(e);
      return inMemory();
    }
  }

  private back(): void {
    if (this.down) this.opts.log?.warn('counters: redis is back; sign-in and write limits are shared again');
    this.down = false;
  }

  private fault(e: unknown): void {
    if (this.down) return;
    this.down = true;
    this.opts.log?.error('counters: redis unavailable; counting sign-ins and writes in this instance only until it is back', e);
  }
}
