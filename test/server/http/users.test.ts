import { beforeAll, expect, it } from 'vitest';
import type { DelegationRow } from '../../../server/storage/types';
import { makeDelegation, makeUser, TEST_PASSWORD, uniqueTag } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

await describeOnBackends('users routes', ({ server }) => {
  let officer: SignedIn;
  let chair: SignedIn;
  let delegate: SignedIn;
  let chile: DelegationRow;
  beforeAll(async () => {
    const s = server().store;
    chile = await makeDelegation(s);
    officer = await loginAs(server(), (await makeUser(s, 'secretariat')).login, TEST_PASSWORD);
    chair = await loginAs(server(), (await makeUser(s, 'chair')).login, TEST_PASSWORD);
    delegate = await loginAs(server(), (await makeUser(s, 'delegate', { delegationId: chile.id })).login, TEST_PASSWORD);
  });

  it('lets the secretariat create an account that can then sign in', async () => {
    const login = `New.Delegate-${uniqueTag()}@Example.org`;
    const res = await call(server(), 'POST', '/api/users', {
      cookie: officer.cookie,
      body: { login, displayName: 'New Delegate', role: 'delegate', delegationId: chile.id, password: 'a long enough password' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ login: login.toLowerCase(), displayName: 'New Delegate', role: 'delegate', delegationId: chile.id, active: true });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
    await loginAs(server(), login, 'a long enough password');
  });

  it('without a password, answers with a one-time link for the user to choose one (no password in clear)', async () => {
    const login = `chair-${uniqueTag()}@example.org`;
    const res = await call(server(), 'POST', '/api/users', { cookie: officer.cookie, body: { login, displayName: 'Chair', role: 'chair' } });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('password');
    expect(res.body.reset.link).toBe(`/reset#code=${res.body.reset.code}`);
    const set = await call(server(), 'POST', '/api/auth/reset', { body: { code: res.body.reset.code, newPassword: 'chosen by the chair' } });
    expect(set.status).toBe(204);
    await loginAs(server(), login, 'chosen by the chair');
  });

  it('lists accounts for the secretariat only, never with password hashes', async () => {
    const list = await call(server(), 'GET', '/api/users', { cookie: officer.cookie });
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
    for (const who of [chair, delegate]) expect((await call(server(), 'GET', '/api/users', { cookie: who.cookie })).status).toBe(403);
  });

  it('refuses chairs and delegates (403), stores nothing', async () => {
    const before = await snapshot(server().store);
    for (const who of [chair, delegate]) {
      const res = await call(server(), 'POST', '/api/users', { cookie: who.cookie, body: { login: `x-${uniqueTag()}@t`, displayName: 'X', role: 'secretariat' } });
      expect(res.status).toBe(403);
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('validates (400), refuses a role without its delegation or an unknown one (422), a login taken (409)', async () => {
    for (const body of [
      {},
      { login: 'a b@c', displayName: 'X', role: 'chair' },
      { login: `x${uniqueTag()}@t`, displayName: 'X', role: 'king' },
      { login: `x${uniqueTag()}@t`, displayName: 'X', role: 'chair', password: 'short' },
    ]) {
      expect((await call(server(), 'POST', '/api/users', { cookie: officer.cookie, body })).status, JSON.stringify(body)).toBe(400);
    }
    const before = await snapshot(server().store);
    const refusals = [
      { login: `x${uniqueTag()}@t`, displayName: 'X', role: 'delegate' },
      { login: `x${uniqueTag()}@t`, displayName: 'X', role: 'secretariat', delegationId: chile.id },
      { login: `x${uniqueTag()}@t`, displayName: 'X', role: 'delegate', delegationId: 'no-such-delegation' },
    ];
    for (const body of refusals) {
      const res = await call(server(), 'POST', '/api/users', { cookie: officer.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.id).toBe('refused');
    }
    const taken = await call(server(), 'POST', '/api/users', { cookie: officer.cookie, body: { login: delegate.user.login.toUpperCase(), displayName: 'X', role: 'chair' } });
    expect(taken.status).toBe(409);
    expect(await snapshot(server().store)).toEqual(before);
  });
});
