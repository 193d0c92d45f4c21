/**
 * Device cookies behind a load balancer: two servers on one PostgreSQL and one Redis. A browser
 * that signed in through one is a known device on the other (one key, in the database), and its
 * own failures are counted once across both (one count, in Redis), as the account's are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisGate, startTwoServers, type TwoServers } from '../../helpers/cluster';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { postgresGate } from '../../helpers/postgres';
import { call, type TestServer } from '../../helpers/server';

const pg = await postgresGate('cluster device cookies');
const redis = pg.run && (await redisGate('cluster device cookies'));

describe.skipIf(!redis)('device cookies across two servers', () => {
  let servers: TwoServers;
  beforeAll(async () => {
    servers = await startTwoServers('penholder_cluster_devices', {
      loginThrottle: { accountFailures: 4, addressFailures: 100, windowMs: 60_000, baseDelayMs: 20_000, maxDelayMs: 60_000 },
    });
  });
  afterAll(() => servers?.close());

  it("lets the owner's browser in on either server while the account is locked on both, and counts its own failures once", async () => {
    const { a, b } = servers;
    const user = await makeUser(a.store, 'chair');
    const signIn = (s: TestServer, password: string, cookie?: string) =>
      call(s, 'POST', '/api/auth/login', { body: { login: user.login, password }, headers: cookie ? { cookie } : {} });
    const first = await signIn(a, TEST_PASSWORD);
    const device = first.headers
      .getSetCookie()
      .find((c) => c.startsWith('ph_device='))!
      .split(';')[0]!;
    for (const s of [a, b, a, b]) expect((await signIn(s, 'guess')).status).toBe(401);
    for (const s of [a, b]) expect((await signIn(s, TEST_PASSWORD)).status).toBe(429);
    const onB = await signIn(b, TEST_PASSWORD, device);
    expect(onB.status).toBe(200);
    const renewed = onB.headers
      .getSetCookie()
      .find((c) => c.startsWith('ph_device='))!
      .split(';')[0]!;
    // The owner's own typos, spread over both servers: four in all lock this browser, on both.
    for (const s of [a, b, a, b]) expect((await signIn(s, 'typo', renewed)).status).toBe(401);
    for (const s of [a, b]) expect((await signIn(s, TEST_PASSWORD, renewed)).status).toBe(429);
  });
});
