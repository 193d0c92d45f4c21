/**
 * Two servers configured with DATABASE_URL and REDIS_URL, as behind a load balancer, share one
 * sign-in throttle and one write limit: failed sign-ins spread over both are counted together
 * (the lockout comes after the configured number in total, and holds on both), and a user's
 * writes spread over both get 429 after one burst, not one per server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisGate, startTwoServers, type TwoServers } from '../../helpers/cluster';
import { makeUser, TEST_PASSWORD, type World } from '../../helpers/factories';
import { postgresGate } from '../../helpers/postgres';
import { call, loginAs, type TestServer } from '../../helpers/server';

const pg = await postgresGate('cluster limits');
const redis = pg.run && (await redisGate('cluster limits'));

describe.skipIf(!redis)('sign-in and write limits across two servers', () => {
  let servers: TwoServers;
  let a: TestServer;
  let b: TestServer;
  let world: World;

  beforeAll(async () => {
    servers = await startTwoServers('penholder_cluster_limits', {
      loginThrottle: { accountFailures: 4, addressFailures: 100, windowMs: 60_000, baseDelayMs: 5_000, maxDelayMs: 20_000 },
      // Slow refill: the burst is what the test measures.
      writeRate: { perSecond: 0.2, burst: 6 },
    });
    ({ a, b, world } = servers);
  });

  afterAll(() => servers?.close());

  it('counts failed sign-ins on both servers together: locked after four in total, on both', async () => {
    const u = await makeUser(a.store, 'chair');
    const attempt = (s: TestServer, password: string) => call(s, 'POST', '/api/auth/login', { body: { login: u.login, password } });
    const failures: number[] = [];
    for (const s of [a, b, a, b]) failures.push((await attempt(s, 'wrong password')).status);
    expect(failures).toEqual([401, 401, 401, 401]);
    for (const s of [a, b]) {
      const res = await attempt(s, TEST_PASSWORD);
      expect(res.status).toBe(429);
      expect(res.body.error.id).toBe('too_many_attempts');
    }
  });

  it('gives one burst of writes across both servers, then 429 rate_limited on either', async () => {
    const sponsor = await loginAs(a, world.users.sponsor.login, TEST_PASSWORD);
    const write = (s: TestServer) => call(s, 'POST', `/api/drafts/${world.draft.id}/events`, { cookie: sponsor.cookie, body: { type: 'no_such_event', payload: {} } });
    // Signing in took one token already (the bearer token is a write): five are left, for both.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await write(i % 2 ? b : a)).status);
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await write(b);
    expect(limited.body.error.id).toBe('rate_limited');
    // Another user is not held back by it.
    const other = await loginAs(b, world.users.nonSponsor.login, TEST_PASSWORD);
    const theirs = await call(b, 'POST', `/api/drafts/${world.draft.id}/events`, { cookie: other.cookie, body: { type: 'no_such_event', payload: {} } });
    expect(theirs.status).not.toBe(429);
  });
});
