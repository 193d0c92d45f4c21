/**
 * Sessions and sign-in defences: signing in rotates the session id; an expired session replayed
 * is refused; sessions end when idle and at a fixed maximum age; failed sign-ins are throttled
 * per account and per address (429, then recovery), alike for unknown logins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, issueSecret } from '../../../server/auth/sessions';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cookieOf = (res: { headers: Headers }) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('session lifetime', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { sessionIdleMs: 1_500, sessionTtlMs: 60 * 60_000 } });
  });
  afterAll(() => server.close());

  it('rotates the session id at sign-in: the cookie brought along is revoked and a fresh one set', async () => {
    const u = await makeUser(server.store, 'chair');
    const before = await loginAs(server, u.login, TEST_PASSWORD);
    const res = await call(server, 'POST', '/api/auth/login', { cookie: before.cookie, body: { login: u.login, password: TEST_PASSWORD } });
    const after = cookieOf(res);
    expect(after).not.toBe(before.cookie);
    expect((await call(server, 'GET', '/api/auth/me', { cookie: before.cookie })).status).toBe(401);
    expect((await call(server, 'GET', '/api/auth/me', { cookie: after })).status).toBe(200);
    // A cookie planted before sign-in (session fixation) is never adopted: it stays unknown.
    const planted = 'ph_session=planted-by-someone-else-0123456789abcdef';
    const signed = await call(server, 'POST', '/api/auth/login', { cookie: planted, body: { login: u.login, password: TEST_PASSWORD } });
    expect(cookieOf(signed)).not.toBe(planted);
    expect((await call(server, 'GET', '/api/auth/me', { cookie: planted })).status).toBe(401);
  });

  it('refuses a replayed expired session with 401', async () => {
    const u = await makeUser(server.store, 'chair');
    const old = await issueSecret(server.store, u.id, 'cookie', 60_000, new Date(Date.now() - 2 * 60_000));
    const res = await call(server, 'GET', '/api/auth/me', { cookie: `ph_session=${old.secret}` });
    expect(res.status).toBe(401);
    expect(res.body.error.id).toBe('unauthenticated');
    // And a signed-out session, replayed, is refused too.
    const live = await loginAs(server, u.login, TEST_PASSWORD);
    await call(server, 'POST', '/api/auth/logout', { cookie: live.cookie, body: {} });
    expect((await call(server, 'GET', '/api/auth/me', { cookie: live.cookie })).status).toBe(401);
  });

  it('ends a session after inactivity, and activity keeps it alive', async () => {
    const u = await makeUser(server.store, 'chair');
    const idle = await loginAs(server, u.login, TEST_PASSWORD);
    const busy = await loginAs(server, u.login, TEST_PASSWORD);
    for (let i = 0; i < 6; i++) {
      await sleep(400);
      expect((await call(server, 'GET', '/api/auth/me', { cookie: busy.cookie })).status).toBe(200);
    }
    expect((await call(server, 'GET', '/api/auth/me', { cookie: idle.cookie })).status).toBe(401);
  });

  it('never extends a session past its maximum age', async () => {
    const u = await makeUser(server.store, 'chair');
    // Signed in 59 min 59 s ago, active all along: its hour is up in a second, activity or not.
    const s = await issueSecret(server.store, u.id, 'cookie', 10 * 60_000, new Date(Date.now() - 60 * 60_000 + 1_000));
    await server.store.extendAuthSession(hashSecret(s.secret), new Date(Date.now() + 1_000).toISOString());
    expect((await call(server, 'GET', '/api/auth/me', { cookie: `ph_session=${s.secret}` })).status).toBe(200);
    const row = await server.store.getAuthSession(hashSecret(s.secret));
    expect(Date.parse(row!.expiresAt)).toBeLessThanOrEqual(Date.now() + 1_000);
    await sleep(1_200);
    expect((await call(server, 'GET', '/api/auth/me', { cookie: `ph_session=${s.secret}` })).status).toBe(401);
  });
});

describe('login throttling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { loginThrottle: { accountFailures: 3, addressFailures: 8, windowMs: 60_000, baseDelayMs: 800, maxDelayMs: 5_000 } } });
  });
  afterAll(() => server.close());
  const attempt = (login: string, password: string) => call(server, 'POST', '/api/auth/login', { body: { login, password } });

  it('delays an account after repeated failures with 429, a clear message and Retry-After, then recovers', async () => {
    const u = await makeUser(server.store, 'chair');
    for (let i = 0; i < 3; i++) expect((await attempt(u.login, 'wrong password')).status).toBe(401);
    const throttled = await attempt(u.login, TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.id).toBe('too_many_attempts');
    expect(throttled.body.error.message).toMatch(/^too many failed sign-ins: wait \d+ seconds?, then try again$/);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await sleep(900);
    expect((await attempt(u.login, TEST_PASSWORD)).status).toBe(200);
    // A success forgives the account: the next failure is a plain 401 again.
    expect((await attempt(u.login, 'wrong password')).status).toBe(401);
  });

  it('answers an unknown login exactly as a known one, throttled or not', async () => {
    const u = await makeUser(server.store, 'chair');
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await attempt(u.login, 'wrong password');
      const b = await attempt(`nobody-${u.login}`, 'wrong password');
      known.push([a.status, a.body.error.id]);
      unknown.push([b.status, b.body.error.id]);
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toEqual([429, 'too_many_attempts']);
  });

  it('throttles an address that tries many accounts, and lets it in again later', async () => {
    const fresh = await startTestServer({ config: { loginThrottle: { accountFailures: 100, addressFailures: 5, windowMs: 60_000, baseDelayMs: 700, maxDelayMs: 5_000 } } });
    try {
      const u = await makeUser(fresh.store, 'chair');
      for (let i = 0; i < 5; i++) await call(fresh, 'POST', '/api/auth/login', { body: { login: `guess-${i}@t`, password: 'x' } });
      const res = await call(fresh, 'POST', '/api/auth/login', { body: { login: u.login, password: TEST_PASSWORD } });
      expect(res.status).toBe(429);
      await sleep(800);
      expect((await call(fresh, 'POST', '/api/auth/login', { body: { login: u.login, password: TEST_PASSWORD } })).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
