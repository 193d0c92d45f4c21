import { beforeAll, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

const newDelegation = (code: string) => JSON.stringify({ code, name: { en: 'Chile', zh: '智利' }, kind: 'member' });

await describeOnBackends('CSRF protection', ({ server }) => {
  let officer: SignedIn;
  beforeAll(async () => {
    const user = await makeUser(server().store, 'secretariat');
    officer = await loginAs(server(), user.login, TEST_PASSWORD);
  });

  const post = (headers: Record<string, string>, raw: string, auth: { cookie?: string; token?: string } = { cookie: officer.cookie }) =>
    call(server(), 'POST', '/api/delegations', { ...auth, raw, headers });

  it('accepts a same-origin JSON write with the cookie', async () => {
    const host = new URL(server().url).host;
    const res = await post({ 'content-type': 'application/json', origin: `http://${host}` }, newDelegation('SAMEORIGIN'));
    expect(res.status).toBe(201);
  });

  it('accepts a JSON write without an Origin header (not every client sends one)', async () => {
    const res = await post({ 'content-type': 'application/json; charset=utf-8' }, newDelegation('NOORIGIN'));
    expect(res.status).toBe(201);
  });

  it('refuses a cookie-authenticated write from another origin, and stores nothing', async () => {
    const before = await snapshot(server().store);
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:1`, 'not a url']) {
      const res = await post({ 'content-type': 'application/json', origin }, newDelegation('CROSS'));
      expect(res.status, origin).toBe(403);
      expect(res.body.error.id).toBe('cross_site_request');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses a cookie-authenticated write that is not JSON (a form post)', async () => {
    const before = await snapshot(server().store);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', '']) {
      const res = await post(type ? { 'content-type': type } : {}, newDelegation('FORM'));
      expect(res.status, type).toBe(403);
      expect(res.body.error.id).toBe('cross_site_request');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses what browsers mark as cross-site', async () => {
    const res = await post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, newDelegation('FETCHSITE'));
    expect(res.status).toBe(403);
  });

  it('applies to sign-in too (a forged login would sign the victim in as someone else)', async () => {
    const res = await call(server(), 'POST', '/api/auth/login', {
      raw: JSON.stringify({ login: 'x', password: 'y' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('cross_site_request');
  });

  it('exempts bearer-token requests: another site cannot make a browser attach one', async () => {
    const res = await post({ 'content-type': 'application/json', origin: 'http://elsewhere.example' }, newDelegation('BEARER'), {
      token: officer.token,
    });
    expect(res.status).toBe(201);
    // Without JSON the body is simply not read: a validation error, not a CSRF refusal.
    const plain = await post({ 'content-type': 'text/plain' }, newDelegation('BEARER2'), { token: officer.token });
    expect(plain.status).toBe(400);
    expect(plain.body.error.id).toBe('validation_failed');
  });

  it('does not check reads', async () => {
    const res = await call(server(), 'GET', '/api/delegations', { cookie: officer.cookie, headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(200);
  });
});
