/**
 * The defence counters, in memory and in Redis, tested alike: lockouts after the allowed
 * failures, doubling up to the maximum, counts that expire with their window, forgetting,
 * token buckets that refill. Then what only Redis does: two holders of the same Redis share
 * one count, and an unreachable Redis falls back to counting in memory (reported once).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lockoutMs, MemoryCounters, type Counters, type LockoutRule } from '../../../server/cluster/counters';
import { RedisCounters } from '../../../server/cluster/redisCounters';
import { REDIS_TEST_URL, redisGate, uniquePrefix } from '../../helpers/cluster';

const redis = await redisGate('counters');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rule: LockoutRule = { allowed: 3, windowMs: 400, baseDelayMs: 200, maxDelayMs: 700 };

/** A key of one's own, so that the cases share nothing. */
let n = 0;
const fresh = (what: string) => `${what}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

function counterSuite(name: string, make: () => Promise<Counters>) {
  describe(name, () => {
    const made: Counters[] = [];
    const counters = async () => {
      const c = await make();
      made.push(c);
      return c;
    };
    afterAll(async () => {
      for (const c of made) await c.close();
    });

    it('locks a key after the allowed failures, for the base delay', async () => {
      const c = await counters();
      const key = fresh('login');
      for (let i = 0; i < rule.allowed - 1; i++) await c.fail(key, rule);
      expect(await c.lockedMs([key])).toBe(0);
      await c.fail(key, rule);
      const wait = await c.lockedMs([key, fresh('other')]);
      expect(wait).toBeGreaterThan(rule.baseDelayMs - 50);
      expect(wait).toBeLessThanOrEqual(rule.baseDelayMs);
      await sleep(rule.baseDelayMs + 20);
      expect(await c.lockedMs([key])).toBe(0);
    });

    it('doubles the lockout with every further failure, up to the maximum', async () => {
      const c = await counters();
      const key = fresh('login');
      const waits: number[] = [];
      for (let i = 0; i < rule.allowed + 3; i++) {
        await c.fail(key, rule);
        waits.push(await c.lockedMs([key]));
      }
      // 0, 0, then 200, 400, 700 (800 capped), 700.
      const expected = waits.map((_, i) => lockoutMs(i + 1, rule));
      expect(expected).toEqual([0, 0, 200, 400, 700, 700]);
      waits.forEach((w, i) => {
        expect(w).toBeLessThanOrEqual(expected[i]!);
        expect(w).toBeGreaterThan(expected[i]! - 100);
      });
    });

    it('forgets failures once their window has passed', async () => {
      const c = await counters();
      const key = fresh('login');
      for (let i = 0; i < rule.allowed - 1; i++) await c.fail(key, rule);
      await sleep(rule.windowMs + 50);
      await c.fail(key, rule);
      expect(await c.lockedMs([key])).toBe(0);
    });

    it('forgets a key on request, lockout and count alike', async () => {
      const c = await counters();
      const key = fresh('login');
      for (let i = 0; i < rule.allowed; i++) await c.fail(key, rule);
      expect(await c.lockedMs([key])).toBeGreaterThan(0);
      await c.forget(key);
      expect(await c.lockedMs([key])).toBe(0);
      await c.fail(key, rule);
      expect(await c.lockedMs([key])).toBe(0);
    });

    it('takes tokens up to the burst, then refills at the rate', async () => {
      const c = await counters();
      const key = fresh('writes');
      const bucket = { perSecond: 10, burst: 4 };
      const taken: boolean[] = [];
      for (let i = 0; i < 6; i++) taken.push(await c.take(key, bucket));
      expect(taken).toEqual([true, true, true, true, false, false]);
      expect(await c.take(fresh('writes'), bucket)).toBe(true);
      await sleep(250);
      expect(await c.take(key, bucket)).toBe(true);
      expect(await c.take(key, bucket)).toBe(true);
      expect(await c.take(key, bucket)).toBe(false);
    });
  });
}

counterSuite('counters in memory', async () => new MemoryCounters());

describe.skipIf(!redis)('counters in Redis', () => {
  const prefix = uniquePrefix();
  const open = async (opts: Partial<ConstructorParameters<typeof RedisCounters>[0]> = {}) => {
    const c = new RedisCounters({ url: REDIS_TEST_URL, prefix, ...opts });
    await c.ready();
    return c;
  };

  counterSuite('alike', () => open());

  it('shares one count between two holders (two instances)', async () => {
    const [a, b] = [await open(), await open()];
    try {
      const key = fresh('login');
      await a.fail(key, rule);
      await b.fail(key, rule);
      expect(await a.lockedMs([key])).toBe(0);
      await a.fail(key, rule);
      expect(await b.lockedMs([key])).toBeGreaterThan(rule.baseDelayMs - 50);
      const bucket = { perSecond: 0.5, burst: 3 };
      const w = fresh('writes');
      expect([await a.take(w, bucket), await b.take(w, bucket), await a.take(w, bucket), await b.take(w, bucket)]).toEqual([true, true, true, false]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps every key with an expiry, and no login or address in clear', async () => {
    const c = await open();
    const { Redis } = await import('ioredis');
    const r = new Redis(REDIS_TEST_URL);
    try {
      const login = `someone-${fresh('x')}@example.org`;
      for (let i = 0; i < rule.allowed; i++) await c.fail(login, rule);
      await c.take(login, { perSecond: 1, burst: 5 });
      const keys = await r.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const k of keys) {
        expect(k).not.toContain('someone');
        expect(await r.pttl(k)).toBeGreaterThan(0);
      }
    } finally {
      r.disconnect();
      await c.close();
    }
  });
});

describe('counters in Redis when Redis cannot be reached', () => {
  it('count in this instance instead, and say so once', async () => {
    const said: unknown[][] = [];
    const log = { warn: (...a: unknown[]) => said.push(a), error: (...a: unknown[]) => said.push(a) };
    // Nothing listens on port 1.
    const c = new RedisCounters({ url: 'redis://127.0.0.1:1', prefix: uniquePrefix(), log });
    try {
      await sleep(300);
      const key = fresh('login');
      for (let i = 0; i < rule.allowed; i++) await c.fail(key, rule);
      expect(await c.lockedMs([key])).toBeGreaterThan(rule.baseDelayMs - 50);
      expect(await c.take(fresh('writes'), { perSecond: 1, burst: 1 })).toBe(true);
      await sleep(1_200);
      expect(said.length).toBe(1);
      expect(String(said[0]![0])).toMatch(/redis unavailable/);
    } finally {
      await c.close();
    }
  });
});
