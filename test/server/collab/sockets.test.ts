/**
 * Access on the collaboration socket of a full Penholder server: every role's mode on an open
 * and on a frozen draft; a deactivated user's open socket closed at once with the shared
 * "access revoked" code; cookie upgrades from another origin refused with 403 (tokens in the URL
 * exempt); refused upgrades in the audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { AuditActions } from '../../../shared/audit';
import { CloseReasons, MessageType, type Notice } from '../../../shared/protocol';
import { issueSecret } from '../../../server/auth/sessions';
import { makeUser, makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { until } from '../../helpers/collab';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';

interface Opened {
  ws: WebSocket;
  notices: Notice[];
  closed: Promise<number>;
}

/** Open a raw socket with the given headers: the open socket, or the HTTP status it was refused with. */
function open(url: string, headers: Record<string, string>): Promise<Opened | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const notices: Notice[] = [];
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === MessageType.notice) notices.push(JSON.parse(decoding.readVarString(d)) as Notice);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => resolve({ ws, notices, closed }));
    ws.once('error', (e) => (e.message.startsWith('Unexpected server response') ? undefined : reject(e)));
  });
}

async function modeOf(opened: Opened | number): Promise<string | number> {
  if (typeof opened === 'number') return opened;
  await until(() => opened.notices.length > 0, 3_000, 'mode notice');
  opened.ws.close();
  return opened.notices[0]!.mode;
}

describe('access on the collaboration socket', () => {
  let server: TestServer;
  let w: World;
  const sockets: WebSocket[] = [];
  const url = (draftId: string, query = 'notices=1') => `${server.wsUrl}/collab/${draftId}?${query}`;
  const cookieFor = async (userId: string) => `ph_session=${(await issueSecret(server.store, userId, 'cookie', 60_000)).secret}`;
  const own = () => ({ origin: server.url });

  beforeAll(async () => {
    server = await startTestServer();
    w = await makeWorld(server.store);
  });
  afterAll(async () => {
    for (const s of sockets) s.terminate();
    await server.close();
  });

  const ROLES = ['secretariat', 'chair', 'sponsor', 'nonSponsor', 'third'] as const;
  // Who may edit the working text: the secretariat, the draft's chair and its sponsors' delegates.
  const OPEN_DRAFT = { secretariat: 'edit', chair: 'edit', sponsor: 'edit', nonSponsor: 'read', third: 'read' };

  it(`gives every role its mode on an open draft: ${JSON.stringify(OPEN_DRAFT)}`, async () => {
    for (const role of ROLES) {
      const mode = await modeOf(await open(url(w.draft.id), { cookie: await cookieFor(w.users[role].id), ...own() }));
      expect(mode, role).toBe(OPEN_DRAFT[role]);
    }
  });

  it('refuses a signed-out, an expired and a deactivated user with 401, and an unknown draft with 404', async () => {
    expect(await open(url(w.draft.id), own())).toBe(401);
    const expired = await issueSecret(server.store, w.users.sponsor.id, 'cookie', 1_000, new Date(Date.now() - 5_000));
    expect(await open(url(w.draft.id), { cookie: `ph_session=${expired.secret}`, ...own() })).toBe(401);
    const gone = await makeUser(server.store, 'secretariat', { active: false });
    expect(await open(url(w.draft.id), { cookie: await cookieFor(gone.id), ...own() })).toBe(401);
    expect(await open(url('no-such-draft'), { cookie: await cookieFor(w.users.secretariat.id), ...own() })).toBe(404);
  });

  it('refuses a cookie upgrade from another origin with 403, and records the refusal', async () => {
    const cookie = await cookieFor(w.users.sponsor.id);
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, 'not a url']) {
      expect(await open(url(w.draft.id), { cookie, origin }), origin).toBe(403);
    }
    // Our own origin, and clients that are no web page (no Origin at all), are let in.
    expect(await modeOf(await open(url(w.draft.id), { cookie, ...own() }))).toBe('edit');
    expect(await modeOf(await open(url(w.draft.id), { cookie }))).toBe('edit');
    await until(async () => (await server.store.listAudit({ action: AuditActions.permissionRefused, userId: w.users.sponsor.id, limit: 10 })).length > 0, 3_000, 'audit entry');
    const [entry] = await server.store.listAudit({ action: AuditActions.permissionRefused, userId: w.users.sponsor.id, limit: 1 });
    expect(entry!.detail).toMatchObject({ via: 'websocket', status: 403, id: 'cross_site_request' });
  });

  it('lets a token in the query through from any origin (another site cannot make the browser add one)', async () => {
    const { token } = await loginAs(server, w.users.sponsor.login, TEST_PASSWORD);
    expect(await modeOf(await open(url(w.draft.id, `notices=1&token=${token}`), { origin: 'https://elsewhere.example' }))).toBe('edit');
  });

  it("closes a deactivated user's open sockets at once with the access-revoked code", async () => {
    const delegate = await makeUser(server.store, 'delegate', { delegationId: w.delegations.main.id });
    const officer = await loginAs(server, w.users.secretariat.login, TEST_PASSWORD);
    const mine = await loginAs(server, delegate.login, TEST_PASSWORD);
    const a = (await open(url(w.draft.id), { cookie: mine.cookie, ...own() })) as Opened;
    const b = (await open(url(w.draft.id, `notices=1&token=${mine.token}`), {})) as Opened;
    const bystander = (await open(url(w.draft.id), { cookie: await cookieFor(w.users.sponsor.id), ...own() })) as Opened;
    sockets.push(a.ws, b.ws, bystander.ws);
    await until(() => a.notices.length > 0 && b.notices.length > 0, 3_000, 'sockets open');
    const res = await call(server, 'PATCH', `/api/users/${delegate.id}`, { cookie: officer.cookie, body: { active: false } });
    expect(res.status).toBe(200);
    expect(await a.closed).toBe(CloseReasons.accessRevoked.code);
    expect(await b.closed).toBe(CloseReasons.accessRevoked.code);
    expect(CloseReasons.accessRevoked.code).toBe(4410);
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    // And they cannot come back.
    expect(await open(url(w.draft.id), { cookie: mine.cookie, ...own() })).toBe(401);
    expect(await open(url(w.draft.id, `token=${mine.token}`), {})).toBe(401);
  });

  it('closes the sockets of a user whose role changes, so that no socket keeps old rights', async () => {
    const delegate = await makeUser(server.store, 'delegate', { delegationId: w.delegations.main.id });
    const officer = await loginAs(server, w.users.secretariat.login, TEST_PASSWORD);
    const s = (await open(url(w.draft.id), { cookie: await cookieFor(delegate.id), ...own() })) as Opened;
    sockets.push(s.ws);
    await until(() => s.notices.length > 0, 3_000, 'socket open');
    await call(server, 'PATCH', `/api/users/${delegate.id}`, { cookie: officer.cookie, body: { delegationId: w.delegations.other.id } });
    expect(await s.closed).toBe(4410);
    expect(await modeOf(await open(url(w.draft.id), { cookie: await cookieFor(delegate.id), ...own() }))).toBe('read');
  });

  // Signing out ends the sign-in's sockets too (the tokens it issued included), and no others:
  // the user's other browsers stay connected.
  it('closes the sockets opened with a sign-in that signs out, with the unauthenticated code', async () => {
    const mine = await loginAs(server, w.users.sponsor.login, TEST_PASSWORD);
    const viaToken = (await open(url(w.draft.id, `notices=1&token=${mine.token}`), {})) as Opened;
    const viaCookie = (await open(url(w.draft.id), { cookie: mine.cookie, ...own() })) as Opened;
    // The same user in another browser: a sign-in of its own, which must stay connected.
    const elsewhere = await loginAs(server, w.users.sponsor.login, TEST_PASSWORD);
    const other = (await open(url(w.draft.id), { cookie: elsewhere.cookie, ...own() })) as Opened;
    sockets.push(viaToken.ws, viaCookie.ws, other.ws);
    await until(() => viaToken.notices.length > 0 && viaCookie.notices.length > 0 && other.notices.length > 0, 3_000, 'sockets open');
    expect((await call(server, 'POST', '/api/auth/logout', { cookie: mine.cookie, body: {} })).status).toBe(204);
    const within = (p: Promise<number>) => Promise.race([p, new Promise<number>((r) => setTimeout(() => r(-1), 2_000))]);
    expect(await within(viaToken.closed)).toBe(CloseReasons.unauthenticated.code);
    expect(await within(viaCookie.closed)).toBe(CloseReasons.unauthenticated.code);
    expect(await within(other.closed)).toBe(-1);
  });

  it('gives everyone read-only on a frozen draft', async () => {
    const frozen = await makeWorld(server.store).then(async (x) => {
      await server.store.appendDraftEvent({ draftId: x.draft.id, type: 'issued', payload: { symbol: `${x.session.symbolPrefix}/L.1`, revision: 0 }, userId: null });
      await server.store.appendDraftEvent({
        draftId: x.draft.id,
        type: 'adopted',
        payload: { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false },
        userId: null,
      });
      await server.store.appendDraftEvent({ draftId: x.draft.id, type: 'frozen', payload: { hash: 'abc' }, userId: null });
      return x;
    });
    for (const role of ROLES) {
      expect(await modeOf(await open(url(frozen.draft.id), { cookie: await cookieFor(frozen.users[role].id), ...own() })), role).toBe('read');
    }
  });
});
