/**
 * The store's side of sign-in (migration 5): a token issued by a sign-in ends with it on every
 * path that deletes the session, a token is not issued for a sign-in that has ended, and the
 * secret instances share is stored once, by whichever asks first. Run alike on SQLite and
 * PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import type { AuthSessionRow, Store } from '../../../server/storage/types';
import { describeStoreContract, seedUser, tag } from '../../helpers/storeContract';

const HOUR = 3_600_000;

function session(userId: string, kind: AuthSessionRow['kind'], expiresInMs = HOUR): AuthSessionRow {
  const now = Date.now();
  return { tokenHash: `h-${tag()}-${tag()}`, userId, kind, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + expiresInMs).toISOString() };
}

async function alive(store: Store, ...rows: AuthSessionRow[]): Promise<boolean[]> {
  return Promise.all(rows.map(async (r) => (await store.getAuthSession(r.tokenHash)) !== null));
}

await describeStoreContract('storage: sign-ins', ({ store, second }) => {
  it('ends the tokens a sign-in issued, and the tokens they issued, when the sign-in is deleted', async () => {
    const user = await seedUser(store());
    const signIn = session(user.id, 'cookie');
    const other = session(user.id, 'cookie');
    await store().createAuthSession(signIn);
    await store().createAuthSession(other);
    const token = session(user.id, 'token');
    const ofToken = session(user.id, 'token');
    const ofOther = session(user.id, 'token');
    expect(await store().createIssuedToken(token, signIn.tokenHash)).toBe(true);
    expect(await store().createIssuedToken(ofToken, token.tokenHash)).toBe(true);
    expect(await store().createIssuedToken(ofOther, other.tokenHash)).toBe(true);
    expect(await store().getAuthSession(token.tokenHash)).toEqual(token);
    expect((await store().signInFamily(signIn.tokenHash)).sort()).toEqual([signIn.tokenHash, token.tokenHash, ofToken.tokenHash].sort());
    expect(await store().signInFamily(ofOther.tokenHash)).toEqual([ofOther.tokenHash]);
    await store().deleteAuthSession(signIn.tokenHash);
    expect(await store().signInFamily(signIn.tokenHash)).toEqual([]);
    expect(await alive(store(), signIn, token, ofToken, other, ofOther)).toEqual([false, false, false, true, true]);
  });

  it('ends them with a session swept as expired', async () => {
    const user = await seedUser(store());
    const expired = session(user.id, 'cookie', -1_000);
    await store().createAuthSession(expired);
    const token = session(user.id, 'token');
    expect(await store().createIssuedToken(token, expired.tokenHash)).toBe(true);
    await store().deleteExpiredAuthSessions(new Date().toISOString());
    expect(await alive(store(), expired, token)).toEqual([false, false]);
  });

  it('issues no token for a sign-in that has ended', async () => {
    const user = await seedUser(store());
    const token = session(user.id, 'token');
    expect(await store().createIssuedToken(token, 'no-such-session')).toBe(false);
    expect(await store().getAuthSession(token.tokenHash)).toBeNull();
  });

  it('keeps the first shared secret stored, whoever asks after (another instance, a restart)', async () => {
    const name = `test-${tag()}`;
    const first = await store().sharedSecret(name, 'first');
    const [a, b] = await Promise.all([store().sharedSecret(name, 'second'), (await second()).sharedSecret(name, 'third')]);
    expect([first, a, b]).toEqual(['first', 'first', 'first']);
    expect(await store().sharedSecret(`test-${tag()}`, 'other')).toBe('other');
  });
});
