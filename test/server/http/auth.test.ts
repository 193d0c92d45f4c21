import { beforeAll, expect, it } from 'vitest';
import { issueSecret } from '../../../server/auth/sessions';
import { upgradeStatus } from '../../helpers/collab';
import { makeDelegation, makeUser, makeWorld, TEST_PASSWORD, type TestUser } from '../../helpers/factories';
import { call, loginAs, startTestServer } from '../../helpers/server';
import { describeOnBackends } from './backends';

await describeOnBackends('auth routes', ({ server }) => {
  let delegate: TestUser;
  beforeAll(async () => {
    const chile = await makeDelegation(server().store, { en: 'Chile', zh: '智利' });
    delegate = await makeUser(server().store, 'delegate', { delegationId: chile.id, displayName: 'A. Delegate' });
  });

  it('signs in with a session cookie and says who is signed in', async () => {
    const res = await call(server(), 'POST', '/api/auth/login', { body: { login: delegate.login, password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: delegate.id, login: delegate.login, displayName: 'A. Delegate', role: 'delegate', delegationId: delegate.delegationId });
    expect(res.body.delegation.name).toEqual({ en: 'Chile', zh: '智利' });
    expect(res.body).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const me = await call(server(), 'GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: delegate.id, role: 'delegate' });
  });

  it('sets the cookie httpOnly, SameSite=Lax, for 12 hours, not Secure unless configured', async () => {
    const res = await call(server(), 'POST', '/api/auth/login', { body: { login: delegate.login, password: TEST_PASSWORD } });
    const [session, device] = res.headers.getSetCookie();
    expect(session).toMatch(/^ph_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=(4319[0-9]|43200); HttpOnly; SameSite=Lax$/);
    // And the device cookie that lets this browser in while the account is locked for others:
    // only for the sign-in routes, for 180 days.
    expect(device).toMatch(/^ph_device=[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}; Path=\/api\/auth; Max-Age=15552000; HttpOnly; SameSite=Strict$/);
  });

  it('accepts the login in any case', async () => {
    const res = await call(server(), 'POST', '/api/auth/login', { body: { login: delegate.login.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
  });

  it('answers a wrong password and an unknown login alike', async () => {
    const wrong = await call(server(), 'POST', '/api/auth/login', { body: { login: delegate.login, password: 'not the password' } });
    const unknown = await call(server(), 'POST', '/api/auth/login', { body: { login: 'nobody@test', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { id: 'bad_credentials', message: 'the login or the password is wrong' } });
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an inactive account with the same answer', async () => {
    const gone = await makeUser(server().store, 'secretariat', { active: false });
    const res = await call(server(), 'POST', '/api/auth/login', { body: { login: gone.login, password: TEST_PASSWORD } });
    expect(res.status).toBe(401);
    expect(res.body.error.id).toBe('bad_credentials');
  });

  it('validates the login body', async () => {
    for (const body of [{}, { login: 'x' }, { login: '', password: 'y' }, { login: 1, password: 2 }, { login: 'a', password: 'b', extra: 1 }]) {
      const res = await call(server(), 'POST', '/api/auth/login', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
  });

  it('answers /me with 401 unauthenticated when not signed in, or with a bad cookie', async () => {
    for (const cookie of [undefined, 'ph_session=nonsense', 'other=1']) {
      const res = await call(server(), 'GET', '/api/auth/me', { cookie });
      expect(res.status).toBe(401);
      expect(res.body.error.id).toBe('unauthenticated');
    }
  });

  it('refuses an expired session', async () => {
    const past = new Date(Date.now() - 13 * 3600_000);
    const expired = await issueSecret(server().store, delegate.id, 'cookie', 12 * 3600_000, past);
    const res = await call(server(), 'GET', '/api/auth/me', { cookie: `ph_session=${expired.secret}` });
    expect(res.status).toBe(401);
  });

  it('refuses the session of a user made inactive since', async () => {
    const user = await makeUser(server().store, 'chair');
    const session = await issueSecret(server().store, user.id, 'cookie', 3600_000);
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: `ph_session=${session.secret}` })).status).toBe(200);
    const inactive = await issueSecret(server().store, (await makeUser(server().store, 'chair', { active: false })).id, 'cookie', 3600_000);
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: `ph_session=${inactive.secret}` })).status).toBe(401);
  });

  it('signs out: the cookie is cleared and its session no longer works', async () => {
    const { cookie } = await loginAs(server(), delegate.login, TEST_PASSWORD);
    const out = await call(server(), 'POST', '/api/auth/logout', { cookie, body: {} });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^ph_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/);
    expect((await call(server(), 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    // Signing out twice is harmless.
    expect((await call(server(), 'POST', '/api/auth/logout', { cookie, body: {} })).status).toBe(204);
  });

  it('gives a short-lived bearer token that works without the cookie, in a header or a query', async () => {
    const { cookie } = await loginAs(server(), delegate.login, TEST_PASSWORD);
    const res = await call(server(), 'POST', '/api/auth/token', { cookie, body: {} });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tokenType: 'Bearer' });
    const ttl = Date.parse(res.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    const token: string = res.body.token;
    expect((await call(server(), 'GET', '/api/auth/me', { token })).body.id).toBe(delegate.id);
    expect((await call(server(), 'GET', `/api/auth/me?token=${token}`)).body.id).toBe(delegate.id);
    // A token is not a browser session: as a cookie it signs nobody in.
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: `ph_session=${token}` })).status).toBe(401);
  });

  it('refuses the session secret used as a bearer token', async () => {
    const { cookie } = await loginAs(server(), delegate.login, TEST_PASSWORD);
    const secret = cookie.split('=')[1];
    expect((await call(server(), 'GET', '/api/auth/me', { token: secret })).status).toBe(401);
  });

  it('needs to be signed in to get a token', async () => {
    const res = await call(server(), 'POST', '/api/auth/token', { body: {} });
    expect(res.status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = await issueSecret(server().store, delegate.id, 'token', 10 * 60_000, new Date(Date.now() - 11 * 60_000));
    expect((await call(server(), 'GET', '/api/auth/me', { token: expired.secret })).status).toBe(401);
  });

  it('revokes a token on sign-out with that token', async () => {
    const { token } = await loginAs(server(), delegate.login, TEST_PASSWORD);
    expect((await call(server(), 'POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await call(server(), 'GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('ends the tokens a sign-in issued when it signs out: refused on HTTP and at the WebSocket upgrade', async () => {
    const w = await makeWorld(server().store);
    const upgrade = (token: string) => upgradeStatus(`${server().wsUrl}/collab/${w.draft.id}?token=${token}`);
    const signedIn = await loginAs(server(), w.users.sponsor.login, TEST_PASSWORD);
    const elsewhere = await loginAs(server(), w.users.sponsor.login, TEST_PASSWORD);
    // A token asked for with a token belongs to the same sign-in.
    const second = (await call(server(), 'POST', '/api/auth/token', { token: signedIn.token, body: {} })).body.token as string;
    for (const token of [signedIn.token, second]) {
      expect((await call(server(), 'GET', '/api/auth/me', { token })).status).toBe(200);
      expect(await upgrade(token)).toBe(101);
    }
    expect((await call(server(), 'POST', '/api/auth/logout', { cookie: signedIn.cookie, body: {} })).status).toBe(204);
    for (const token of [signedIn.token, second]) {
      expect((await call(server(), 'GET', '/api/auth/me', { token })).status).toBe(401);
      expect((await call(server(), 'GET', `/api/auth/me?token=${token}`)).status).toBe(401);
      expect(await upgrade(token)).toBe(401);
    }
    const [record] = await server().store.listAudit({ action: 'auth.sign_out', userId: w.users.sponsor.id, limit: 1 });
    expect(record!.detail).toEqual({ tokensEnded: 2 });
    // The signed-out session cannot issue new ones, and the user's other sign-in is untouched.
    expect((await call(server(), 'POST', '/api/auth/token', { cookie: signedIn.cookie, body: {} })).status).toBe(401);
    expect((await call(server(), 'GET', '/api/auth/me', { token: elsewhere.token })).status).toBe(200);
    expect(await upgrade(elsewhere.token)).toBe(101);
  });

  it('ends the tokens of a session the next sign-in in that browser replaces', async () => {
    const first = await loginAs(server(), delegate.login, TEST_PASSWORD);
    const again = await call(server(), 'POST', '/api/auth/login', { cookie: first.cookie, body: { login: delegate.login, password: TEST_PASSWORD } });
    expect(again.status).toBe(200);
    expect((await call(server(), 'GET', '/api/auth/me', { token: first.token })).status).toBe(401);
  });

  it('stores only the hash of session secrets', async () => {
    const { cookie } = await loginAs(server(), delegate.login, TEST_PASSWORD);
    const [, secret = ''] = cookie.split('=');
    expect(secret).not.toBe(''); // a real secret, or the lookup below would prove nothing
    expect(await server().store.getAuthSession(secret)).toBeNull();
  });
});

it('marks the cookie Secure when COOKIE_SECURE is set', async () => {
  const server = await startTestServer({ config: { cookieSecure: true } });
  try {
    const user = await makeUser(server.store, 'secretariat');
    const res = await call(server, 'POST', '/api/auth/login', { body: { login: user.login, password: TEST_PASSWORD } });
    const [session, device] = res.headers.getSetCookie();
    expect(session).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect(device).toMatch(/^ph_device=.*; HttpOnly; SameSite=Strict; Secure$/);
  } finally {
    await server.close();
  }
});
