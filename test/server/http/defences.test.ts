/**
 * Defences on every response: security headers with a strict Content-Security-Policy (the
 * browser app, the API, errors alike), request body limits, per-user write limits (429), and
 * error bodies in the one shape that show no internals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, startTestServer, type SignedIn, type TestServer } from '../../helpers/server';

describe('defences', () => {
  let server: TestServer;
  let w: World;
  let sponsor: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ config: { writeRate: { perSecond: 2, burst: 5 }, bodyLimitBytes: 4096 } });
    w = await makeWorld(server.store);
    sponsor = await loginAs(server, w.users.sponsor.login, TEST_PASSWORD);
  });
  afterAll(() => server.close());

  it('sends the security headers and a CSP without unsafe-inline or eval scripts on every kind of response', async () => {
    const answers = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/drafts/whatever`),
      await fetch(`${server.url}/api/auth/me`),
      await fetch(`${server.url}/api/nothing-here`),
      await fetch(`${server.url}/api/sessions`, { headers: { cookie: sponsor.cookie } }),
    ];
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy')!;
      expect(csp, res.url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '))!;
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('sends HSTS and upgrades insecure requests only behind HTTPS', async () => {
    expect((await fetch(`${server.url}/`)).headers.get('strict-transport-security')).toBeNull();
    const secure = await startTestServer({ config: { cookieSecure: true } });
    try {
      const res = await fetch(`${secure.url}/`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('refuses a body over the limit with 413 in the one shape', async () => {
    const res = await call(server, 'POST', `/api/drafts/${w.draft.id}/sponsors`, {
      cookie: sponsor.cookie,
      raw: JSON.stringify({ pad: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { id: 'payload_too_large', message: expect.any(String) } });
  });

  it('limits writes per user with 429 rate_limited and Retry-After; reads and other users go on', async () => {
    const write = (who: SignedIn) => call(server, 'POST', `/api/drafts/${w.draft.id}/events`, { cookie: who.cookie, body: { type: 'no_such_event', payload: {} } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await write(sponsor)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    const limited = await write(sponsor);
    expect(limited.status).toBe(429);
    expect(limited.body.error.id).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await call(server, 'GET', `/api/drafts/${w.draft.id}`, { cookie: sponsor.cookie })).status).toBe(200);
    const other = await loginAs(server, w.users.nonSponsor.login, TEST_PASSWORD);
    expect((await write(other)).status).not.toBe(429);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await write(sponsor)).status).not.toBe(429);
  });

  it('answers malformed requests in the one shape, with no stack, SQL or file paths', async () => {
    const answers = [
      await call(server, 'POST', '/api/auth/login', { raw: '{"login":', headers: { 'content-type': 'application/json' } }),
      await call(server, 'GET', '/api/drafts/%E0%A4%A'),
      await call(server, 'GET', "/api/audit?from=1' OR 1=1", { cookie: sponsor.cookie }),
      await call(server, 'POST', '/api/auth/reset', { body: { code: "' OR 1=1 --", newPassword: 'x'.repeat(12) } }),
    ];
    for (const res of answers) {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(JSON.stringify(res.body)).not.toMatch(/SELECT|sqlite|at .*\.(ts|js)|node_modules|\/work\//i);
    }
  });
});
