import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { authenticateRequest, credentialsOf } from '../../../server/auth/authenticate';
import { issueSecret } from '../../../server/auth/sessions';
import { openStore } from '../../../server/storage';
import type { Store } from '../../../server/storage/types';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeDelegation, makeUser } from '../../helpers/factories';

const req = (url: string, headers: Record<string, string> = {}) => ({ url, headers }) as unknown as IncomingMessage;

describe('credentialsOf', () => {
  it('reads a bearer header, a ?token= query, or the session cookie', () => {
    const secret = 'A'.repeat(43);
    expect(credentialsOf(req('/api/x', { authorization: `Bearer ${secret}` }))).toEqual({ via: 'bearer', secret });
    expect(credentialsOf(req(`/collab/d1?token=${secret}`))).toEqual({ via: 'query', secret });
    expect(credentialsOf(req('/api/x', { cookie: `ph_session=${secret}` }))).toEqual({ via: 'cookie', secret });
    expect(credentialsOf(req('/api/x'))).toBeNull();
  });

  it('reads only the Authorization header when there is one (no mixing with a stale cookie)', () => {
    expect(credentialsOf(req('/api/x', { authorization: 'Basic abc', cookie: 'ph_session=abcdefghijklmnopq' }))).toBeNull();
  });
});

describe('authenticateRequest', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'penholder-auth-'));
    store = await openStore({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the actor with login and display name, for a cookie or a token', async () => {
    const delegation = await makeDelegation(store);
    const user = await makeUser(store, 'delegate', { delegationId: delegation.id, displayName: 'A. Delegate' });
    const cookie = await issueSecret(store, user.id, 'cookie', 60_000);
    const token = await issueSecret(store, user.id, 'token', 60_000);
    const expected = { id: user.id, role: 'delegate', delegationId: delegation.id, login: user.login, displayName: 'A. Delegate' };
    expect(await authenticateRequest(store, req('/', { cookie: `ph_session=${cookie.secret}` }))).toEqual(expected);
    expect(await authenticateRequest(store, req('/', { authorization: `Bearer ${token.secret}` }))).toEqual(expected);
    expect(await authenticateRequest(store, req(`/collab/x?token=${token.secret}`))).toEqual(expected);
  });

  it('refuses a cookie secret used as a token and a token used as a cookie', async () => {
    const user = await makeUser(store, 'secretariat');
    const cookie = await issueSecret(store, user.id, 'cookie', 60_000);
    const token = await issueSecret(store, user.id, 'token', 60_000);
    expect(await authenticateRequest(store, req('/', { authorization: `Bearer ${cookie.secret}` }))).toBeNull();
    expect(await authenticateRequest(store, req(`/?token=${cookie.secret}`))).toBeNull();
    expect(await authenticateRequest(store, req('/', { cookie: `ph_session=${token.secret}` }))).toBeNull();
  });

  it('refuses expired secrets, unknown secrets and inactive users', async () => {
    const user = await makeUser(store, 'secretariat');
    const expired = await issueSecret(store, user.id, 'cookie', 60_000, new Date(Date.now() - 120_000));
    expect(await authenticateRequest(store, req('/', { cookie: `ph_session=${expired.secret}` }))).toBeNull();
    expect(await authenticateRequest(store, req('/', { cookie: 'ph_session=unknownunknownunknown' }))).toBeNull();
    const inactive = await makeUser(store, 'secretariat', { active: false });
    const session = await issueSecret(store, inactive.id, 'cookie', 60_000);
    expect(await authenticateRequest(store, req('/', { cookie: `ph_session=${session.secret}` }))).toBeNull();
  });
});
