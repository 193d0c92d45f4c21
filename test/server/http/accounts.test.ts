/**
 * The secretariat's administration over HTTP, on both backends: accounts edited and deactivated
 * (sessions end at once), one-time reset codes (single use, expiring, never a password in
 * clear), one's own password, delegations edited, chairs named per draft.
 */
import { beforeAll, expect, it } from 'vitest';
import { issueResetCode } from '../../../server/auth/resets';
import { makeDelegation, makeUser, makeWorld, TEST_PASSWORD, uniqueTag, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';

await describeOnBackends('administration of accounts', ({ server }) => {
  let w: World;
  let officer: SignedIn;
  beforeAll(async () => {
    w = await makeWorld(server().store);
    officer = await loginAs(server(), w.users.secretariat.login, TEST_PASSWORD);
  });

  it('edits an account: name, login, role and delegation, checked together', async () => {
    const u = await makeUser(server().store, 'delegate', { delegationId: w.delegations.other.id });
    const res = await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { displayName: 'R. Renamed', login: `Renamed-${uniqueTag()}@t` } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'R. Renamed', role: 'delegate', delegationId: w.delegations.other.id, active: true });
    expect(res.body.login).toBe(res.body.login.toLowerCase());
    expect(res.body).not.toHaveProperty('passwordHash');
    // A chair belongs to no delegation; a delegate to one.
    const bad = await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { role: 'secretariat' } });
    expect(bad.status).toBe(422);
    const chair = await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { role: 'chair', delegationId: null } });
    expect(chair.body).toMatchObject({ role: 'chair', delegationId: null });
    const taken = await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { login: w.users.sponsor.login } });
    expect(taken.status).toBe(409);
    expect((await call(server(), 'PATCH', `/api/users/nobody`, { cookie: officer.cookie, body: { displayName: 'X' } })).status).toBe(404);
    expect((await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { passwordHash: 'x' } })).status).toBe(400);
  });

  it('deactivates an account: every session and token ends at once, and sign-in is refused alike', async () => {
    const u = await makeUser(server().store, 'delegate', { delegationId: w.delegations.main.id });
    const a = await loginAs(server(), u.login, TEST_PASSWORD);
    const b = await loginAs(server(), u.login, TEST_PASSWORD);
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(200);
    const off = await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    for (const creds of [{ cookie: a.cookie }, { cookie: b.cookie }, { token: a.token }]) {
      expect((await call(server(), 'GET', '/api/auth/me', creds)).status).toBe(401);
    }
    const again = await call(server(), 'POST', '/api/auth/login', { body: { login: u.login, password: TEST_PASSWORD } });
    expect(again.body.error.id).toBe('bad_credentials');
    // Reactivated, the same password works again (the account was kept, not deleted).
    await call(server(), 'PATCH', `/api/users/${u.id}`, { cookie: officer.cookie, body: { active: true } });
    await loginAs(server(), u.login, TEST_PASSWORD);
  });

  it('will not let the secretariat deactivate or demote itself', async () => {
    for (const body of [{ active: false }, { role: 'chair' }]) {
      const res = await call(server(), 'PATCH', `/api/users/${w.users.secretariat.id}`, { cookie: officer.cookie, body });
      expect(res.status).toBe(422);
    }
  });

  it('issues a one-time reset code: it sets a password once, ends old sessions, and never shows a password', async () => {
    const u = await makeUser(server().store, 'chair');
    const old = await loginAs(server(), u.login, TEST_PASSWORD);
    const issued = await call(server(), 'POST', `/api/users/${u.id}/password-reset`, { cookie: officer.cookie, body: {} });
    expect(issued.status).toBe(201);
    expect(Object.keys(issued.body).sort()).toEqual(['code', 'expiresAt', 'link']);
    expect(issued.body.link).toBe(`/reset#code=${issued.body.code}`);
    const { code } = issued.body;
    // A short password is refused and does not use the code up.
    expect((await call(server(), 'POST', '/api/auth/reset', { body: { code, newPassword: 'short' } })).status).toBe(400);
    expect((await call(server(), 'POST', '/api/auth/reset', { body: { code, newPassword: 'a brand new passphrase' } })).status).toBe(204);
    const replay = await call(server(), 'POST', '/api/auth/reset', { body: { code, newPassword: 'a second passphrase' } });
    expect(replay.status).toBe(400);
    expect(replay.body.error.id).toBe('bad_reset_code');
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: old.cookie })).status).toBe(401);
    await loginAs(server(), u.login, 'a brand new passphrase');
    expect((await call(server(), 'POST', '/api/auth/login', { body: { login: u.login, password: TEST_PASSWORD } })).status).toBe(401);
  });

  it('refuses an expired code, an unknown one, and an older code once a newer one is issued', async () => {
    const u = await makeUser(server().store, 'chair');
    const expired = await issueResetCode(server().store, u.id, 60_000, new Date(Date.now() - 120_000));
    const first = await issueResetCode(server().store, u.id, 60_000);
    const second = await issueResetCode(server().store, u.id, 60_000);
    for (const code of [expired.code, first.code, 'x'.repeat(43)]) {
      const res = await call(server(), 'POST', '/api/auth/reset', { body: { code, newPassword: 'another passphrase' } });
      expect(res.status, code).toBe(400);
      expect(res.body.error.id).toBe('bad_reset_code');
    }
    expect((await call(server(), 'POST', '/api/auth/reset', { body: { code: second.code, newPassword: 'another passphrase' } })).status).toBe(204);
  });

  it('lets a user change their own password: the current one is checked, other sessions end, this one rotates', async () => {
    const u = await makeUser(server().store, 'delegate', { delegationId: w.delegations.third.id });
    const here = await loginAs(server(), u.login, TEST_PASSWORD);
    const elsewhere = await loginAs(server(), u.login, TEST_PASSWORD);
    const wrong = await call(server(), 'POST', '/api/auth/password', { cookie: here.cookie, body: { currentPassword: 'not it at all', newPassword: 'my new passphrase' } });
    expect(wrong.status).toBe(422);
    const res = await call(server(), 'POST', '/api/auth/password', { cookie: here.cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'my new passphrase' } });
    expect(res.status).toBe(204);
    const fresh = res.headers.get('set-cookie')!.split(';')[0];
    expect(fresh).not.toBe(here.cookie);
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: fresh })).status).toBe(200);
    for (const cookie of [here.cookie, elsewhere.cookie]) expect((await call(server(), 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    await loginAs(server(), u.login, 'my new passphrase');
  });

  it("edits a delegation's names and kind; its code stays", async () => {
    const d = await makeDelegation(server().store, { en: 'Ruritania', zh: '鲁里塔尼亚' });
    const res = await call(server(), 'PATCH', `/api/delegations/${d.id}`, {
      cookie: officer.cookie,
      body: { name: { en: 'Republic of Ruritania', zh: '鲁里塔尼亚共和国' }, kind: 'observer' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: d.id, code: d.code, name: { en: 'Republic of Ruritania', zh: '鲁里塔尼亚共和国' }, kind: 'observer' });
    expect((await call(server(), 'PATCH', `/api/delegations/${d.id}`, { cookie: officer.cookie, body: { code: 'NEW' } })).status).toBe(400);
    expect((await call(server(), 'PATCH', `/api/delegations/nope`, { cookie: officer.cookie, body: { kind: 'igo' } })).status).toBe(404);
  });

  it('names and removes the chair of a draft; the chair then records paragraph states', async () => {
    const chair = await makeUser(server().store, 'chair');
    const res = await call(server(), 'PUT', `/api/drafts/${w.draft.id}/chair`, { cookie: officer.cookie, body: { chairUserId: chair.id } });
    expect(res.status).toBe(200);
    expect(res.body.chair).toEqual({ id: chair.id, displayName: chair.displayName });
    expect((await server().store.getDraft(w.draft.id))!.chairUserId).toBe(chair.id);
    const delegate = await call(server(), 'PUT', `/api/drafts/${w.draft.id}/chair`, { cookie: officer.cookie, body: { chairUserId: w.users.sponsor.id } });
    expect(delegate.status).toBe(422);
    const none = await call(server(), 'PUT', `/api/drafts/${w.draft.id}/chair`, { cookie: officer.cookie, body: { chairUserId: null } });
    expect(none.body.chair).toBeNull();
    await call(server(), 'PUT', `/api/drafts/${w.draft.id}/chair`, { cookie: officer.cookie, body: { chairUserId: w.users.chair.id } });
  });
});
