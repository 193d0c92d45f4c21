/**
 * Rights on the wire: refused upgrades, read-only and frozen connections that change nothing
 * whatever they send (and are told why), and authorship that cannot be forged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CloseReasons, DeniedPrefix, MessageType, NoticeKinds } from '../../../shared/protocol';
import { loadDoc } from '../../../server/collab/registry';
import { updateFrame } from '../../../server/collab/wire';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  connect,
  craftEdit,
  rawSocket,
  seedDraft,
  seedText,
  startCollabServer,
  synced,
  textJSON,
  typeInto,
  until,
  upgradeStatus,
  type CollabServer,
  type SeededUsers,
  storedLog as storedLogOf,
} from '../../helpers/collab';

let server: CollabServer;
let draftId: string;
let users: SeededUsers;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startCollabServer();
  ({ draftId, users } = await seedDraft(server.store));
  const { doc, provider } = connect(server.wsUrl, draftId, users.sponsor.token);
  open.push(provider);
  await synced(provider);
  seedText(doc);
  await until(async () => (await server.store.lastSeq(draftId)) > 0, 5_000, 'seed stored');
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server.close();
});

/** An update adding `text` to the stored draft, made under `clientId`. */
async function craftStoredEdit(clientId: number, text: string): Promise<Uint8Array> {
  return craftEdit((await loadDoc(server.store, draftId)).doc, clientId, text);
}

function step2Frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep2(
    e,
    (() => {
      const d = new Y.Doc();
      Y.applyUpdate(d, update);
      return d;
    })(),
  );
  return encoding.toUint8Array(e);
}

const storedLog = () => storedLogOf(server.store, draftId);

describe('upgrades', () => {
  it('refuses no or bad credentials with 401, an unknown draft with 404', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/${draftId}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${draftId}?token=${'x'.repeat(32)}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/no-such-draft?token=${users.sponsor.token}`)).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/bad%2Fid?token=${users.sponsor.token}`)).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/${draftId}?token=${users.observer.token}`)).toBe(101);
  });
});

describe('a read-only connection', () => {
  it('reads the text and is told it is read-only', async () => {
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.observer.token);
    await until(() => heard.notices.length > 0, 2_000, 'mode notice');
    expect(heard.notices[0]).toMatchObject({ kind: NoticeKinds.mode, mode: 'read' });
    ws.close();
    const viewer = connect(server.wsUrl, draftId, users.observer.token);
    open.push(viewer.provider);
    await synced(viewer.provider);
    expect(JSON.stringify(textJSON(viewer.doc))).toContain('Paragraph 1.');
  });

  it('changes nothing with updates or sync step 2, and the sender is told', async () => {
    const before = await storedLog();
    const editor = connect(server.wsUrl, draftId, users.sponsor2.token);
    open.push(editor.provider);
    await synced(editor.provider);
    const textBefore = JSON.stringify(textJSON(editor.doc));
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.observer.token);
    const evil = await craftStoredEdit(777_001, 'READ-ONLY WAS HERE ');
    ws.send(updateFrame(evil));
    ws.send(step2Frame(evil));
    await until(() => heard.denied.length >= 2, 2_000, 'two refusals');
    expect(heard.denied[0]!.startsWith(`${DeniedPrefix.readOnly}:`)).toBe(true);
    expect(heard.notices.some((n) => n.kind === NoticeKinds.updateRefused)).toBe(true);
    // The connection stays open for reading; nothing was stored, applied or relayed.
    expect(ws.readyState).toBe(ws.OPEN);
    await new Promise((r) => setTimeout(r, 100));
    expect(await storedLog()).toEqual(before);
    expect(JSON.stringify(textJSON(editor.doc))).toBe(textBefore);
    ws.close();
  });
});

describe('authorship', () => {
  it('refuses content under a client id another user owns, and closes with 4409', async () => {
    // The sponsor's provider wrote the seed under its doc's client id; sponsor2 tries to reuse it.
    const owner = (await server.store.listUpdates(draftId))[0]!;
    const ownerId = Y.decodeUpdate(owner.update).structs[0]!.id.client;
    const before = await storedLog();
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.sponsor2.token);
    ws.send(updateFrame(await craftStoredEdit(ownerId, 'FORGED ')));
    expect(await heard.closed).toBe(CloseReasons.clientIdTaken.code);
    expect(await storedLog()).toEqual(before);
  });
});

describe('a frozen draft', () => {
  it('turns editors read-only, tells them, and accepts nothing afterwards', async () => {
    const editor = connect(server.wsUrl, draftId, users.secretariat.token);
    open.push(editor.provider);
    await synced(editor.provider);
    const { ws: raw, heard } = await rawSocket(server.wsUrl, draftId, users.sponsor.token);
    await until(() => heard.notices.length > 0, 2_000, 'mode notice');
    expect(heard.notices[0]!.mode).toBe('edit');

    await server.store.appendDraftEvent({ draftId, type: 'frozen', payload: {}, userId: users.secretariat.id });
    await server.collab.refreshAccess(draftId);
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'read'), 2_000, 'read-only notice');
    const before = await storedLog();
    const text = JSON.stringify(textJSON(editor.doc));

    typeInto(editor.doc, 1, 0, 'AFTER FREEZE ');
    raw.send(updateFrame(await craftStoredEdit(777_002, 'RAW AFTER FREEZE ')));
    raw.send(step2Frame(await craftStoredEdit(777_003, 'STEP2 AFTER FREEZE ')));
    await until(() => heard.denied.length >= 2, 2_000, 'refusals');
    expect(heard.denied.every((r) => r.startsWith(`${DeniedPrefix.readOnly}: the text is frozen`))).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(await storedLog()).toEqual(before);
    // A fresh reader still sees the text as frozen.
    const reader = connect(server.wsUrl, draftId, users.observer.token);
    open.push(reader.provider);
    await synced(reader.provider);
    expect(JSON.stringify(textJSON(reader.doc))).not.toContain('AFTER FREEZE');
    expect(text).not.toContain('AFTER FREEZE');
    raw.close();
  });
});
