/**
 * Accounts in the store: delegations, users and their auth sessions.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import { describeStoreContract, t, tag, seedDelegation, seedUser, expectUnique } from '../../helpers/storeContract';

await describeStoreContract('storage.accounts', ({ store }) => {
  it('round-trips delegations; a code is unique', async () => {
    const code = `EU${tag()}`;
    const d = await store().createDelegation({ code, name: t('European Union', '欧洲联盟'), kind: 'regional' });
    expect(await store().getDelegation(d.id)).toEqual(d);
    expect(await store().getDelegationByCode(code)).toEqual(d);
    expect(await store().getDelegationByCode('NOPE')).toBeNull();
    const codes = (await store().listDelegations()).map((x) => x.code);
    expect(codes).toContain(code);
    expect(codes).toEqual([...codes].sort());
    await expectUnique(seedDelegation(store(), code), 'delegations_code_key');
  });

  it('round-trips users; logins are case-insensitive and unique', async () => {
    const before = await store().countUsers();
    const delegation = await seedDelegation(store());
    const login = `Alice${tag()}`;
    const alice = await store().createUser({ login, displayName: 'Alice', role: 'delegate', delegationId: delegation.id, passwordHash: 'scrypt$x' });
    expect(alice).toMatchObject({ login: login.toLowerCase(), active: true, delegationId: delegation.id });
    const sec = await store().createUser({ login: `sec${tag()}`, displayName: 'Secretariat', role: 'secretariat', delegationId: null, passwordHash: 'scrypt$y', active: false });
    expect(sec).toMatchObject({ active: false, delegationId: null, role: 'secretariat' });
    expect(await store().getUser(sec.id)).toEqual(sec);
    expect(await store().getUserByLogin(login.toUpperCase())).toEqual(alice);
    expect(await store().getUserByLogin('nobody')).toBeNull();
    expect(await store().countUsers()).toBe(before + 2);
    const logins = (await store().listUsers()).map((u) => u.login);
    expect(logins).toEqual(expect.arrayContaining([alice.login, sec.login]));
    await expectUnique(store().createUser({ ...sec, id: undefined, login: login.toUpperCase() }), 'users_login_key');
    await expectUnique(store().createUser({ ...sec, login: `other${tag()}` }), 'users_pkey');
  });

  it('keeps auth sessions until deleted or expired', async () => {
    const user = await seedUser(store());
    const s = (tokenHash: string, expiresAt: string) => ({ tokenHash, userId: user.id, kind: 'cookie', createdAt: '2022-10-21T10:00:00Z', expiresAt }) as const;
    await store().createAuthSession(s(`a${tag()}`, '2022-10-21T11:00:00Z'));
    const live = s(`b${tag()}`, '2999-01-01T00:00:00.000Z');
    await store().createAuthSession({ ...live, kind: 'token' });
    expect(await store().getAuthSession(live.tokenHash)).toEqual({ ...live, kind: 'token', createdAt: '2022-10-21T10:00:00.000Z' });
    expect(await store().deleteExpiredAuthSessions('2022-10-21T12:00:00Z')).toBeGreaterThanOrEqual(1);
    expect(await store().getAuthSession(live.tokenHash)).not.toBeNull();
    await store().deleteAuthSession(live.tokenHash);
    expect(await store().getAuthSession(live.tokenHash)).toBeNull();
    await expectUnique(
      store()
        .createAuthSession(s(live.tokenHash, live.expiresAt))
        .then(() => store().createAuthSession(s(live.tokenHash, live.expiresAt))),
      'auth_sessions_pkey',
    );
    // Foreign keys are on: a session of no user is refused.
    await expect(store().createAuthSession({ ...live, tokenHash: tag(), userId: 'ghost' })).rejects.toThrow();
  });
});
