/**
 * A delegate with a modified client, against a real server with stock y-websocket clients
 * beside it: one frame cannot break the text, updates that change nothing leave no row, nobody
 * writes under a client id another editor speaks for (Skip, GC and pending structs included),
 * and nobody appears in presence as someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CloseReasons, MessageType } from '../../../shared/protocol';
import { textFromJSON } from '../../../shared/schema';
import { loadDoc } from '../../../server/collab/registry';
import { authorshipOf } from '../../../server/collab/history';
import { encodeEntries } from '../../../server/collab/presenceGuard';
import { awarenessFrame, updateFrame } from '../../../server/collab/wire';
import {
  announceAs,
  bareStruct,
  connect,
  editOf,
  FRAGMENT,
  nestElements,
  presentNames,
  rawSocket,
  synced,
  textJSON,
  typeInto,
  until,
  type CollabServer,
  type SeededUsers,
  startWithEditor,
  storedLog as storedLogOf,
} from '../../helpers/collab';

let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let good: { doc: Y.Doc; provider: WebsocketProvider };
const open: WebsocketProvider[] = [];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ({ server, draftId, users, editor: good } = await startWithEditor());
  open.push(good.provider);
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server.close();
});

const storedLog = () => storedLogOf(server.store, draftId);
const storedDoc = async () => (await loadDoc(server.store, draftId)).doc;

/** The update `change` makes on a copy of the stored text, written under `clientId` when given. */
const edit = async (change: (copy: Y.Doc) => void, clientId?: number) => editOf(await storedDoc(), change, clientId);

/** Send `frames` on a fresh raw connection as `token`; the close code, or 0 when it stayed open. */
async function sendAs(token: string, ...frames: Uint8Array[]): Promise<{ code: number; syncRequests: number; refusals: string[] }> {
  const { ws, heard } = await rawSocket(server.wsUrl, draftId, token);
  for (const f of frames) ws.send(f);
  const code = await Promise.race([heard.closed, pause(600).then(() => 0)]);
  ws.close();
  // Sync step 1 frames after the first (the greeting): requests to send what the client has.
  const syncRequests = heard.frames.filter((f) => f[0] === MessageType.sync && f[1] === 0).length - 1;
  return { code, syncRequests, refusals: heard.notices.flatMap((n) => (n.kind === 'update_refused' ? [n.refusal.reason] : [])) };
}

describe('one frame cannot break a draft', () => {
  it('refuses 5,000 nested elements (about 100 KB) with 4422, stores nothing, and the text stays readable for everyone', async () => {
    const before = await storedLog();
    const update = await edit((c) => nestElements(c, 1, 5_000, () => 'operative'));
    expect(update.length).toBeGreaterThan(20_000);
    const { code, refusals } = await sendAs(users.sponsor2.token, updateFrame(update));
    expect(code).toBe(CloseReasons.invalidText.code);
    expect(refusals).toEqual(['invalid_text']);
    expect(await storedLog()).toEqual(before);
    // The text is still a valid text, on the server and at the open client, which keeps working.
    expect(() => textFromJSON(textJSON(good.doc))).not.toThrow();
    const text = await fetch(`${server.url}/api/drafts/${draftId}/text`, { headers: { authorization: `Bearer ${users.observer.token}` } });
    expect(text.status).toBe(200);
    typeInto(good.doc, 1, 0, 'after the attack ');
    await until(async () => JSON.stringify(textJSON(await storedDoc())).includes('after the attack'), 5_000, 'the good edit stored');
  });

  it('refuses unknown nodes, forbidden nesting, bad attributes and other roots, each with 4422, storing nothing', async () => {
    const attacks: ((c: Y.Doc) => void)[] = [
      (c) => c.getXmlFragment(FRAGMENT).insert(0, [new Y.XmlElement('img')]),
      (c) => c.getXmlFragment(FRAGMENT).insert(0, [new Y.XmlText('loose text')]),
      (c) => (c.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).insert(0, [new Y.XmlElement('annex')]),
      (c) => (c.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).setAttribute('onmouseover', 'alert(1)'),
      (c) => (c.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).setAttribute('id', 'x'.repeat(5_000)),
      (c) => c.getMap('penholder').set('status', 'adopted'),
    ];
    for (const attack of attacks) {
      const before = await storedLog();
      const { code } = await sendAs(users.sponsor2.token, updateFrame(await edit(attack)));
      expect(code).toBe(CloseReasons.invalidText.code);
      expect(await storedLog()).toEqual(before);
    }
  });
});

describe('updates that change nothing', () => {
  it('are not stored: a replayed update, the whole state again, a deletion of deleted text, a Skip of nothing', async () => {
    const stored = await server.store.listUpdates(draftId);
    const before = await storedLog();
    const deleteDeleted = await edit((c) => {
      const t = (c.getXmlFragment(FRAGMENT).get(2) as Y.XmlElement).get(0) as Y.XmlText;
      t.delete(0, 1);
    });
    // Store one real deletion first, then replay it: the second time it deletes nothing live.
    expect((await sendAs(users.sponsor2.token, updateFrame(deleteDeleted))).code).toBe(0);
    await until(async () => (await storedLog()).length === before.length + 1, 5_000, 'the deletion stored');
    const after = await storedLog();
    const replays = [updateFrame(stored[stored.length - 1]!.update), updateFrame(Y.encodeStateAsUpdate(await storedDoc())), updateFrame(deleteDeleted)];
    for (let i = 0; i < 100; i++) replays.push(replays[i % 3]!);
    expect((await sendAs(users.sponsor2.token, ...replays)).code).toBe(0);
    await pause(200);
    expect(await storedLog()).toEqual(after);
  });
});

describe('client ids', () => {
  it("a Skip or GC struct under a client id another editor announced is refused with 4409; the victim's words stay theirs", async () => {
    const victim = connect(server.wsUrl, draftId, users.secretariat.token);
    open.push(victim.provider);
    await synced(victim.provider);
    announceAs(victim.provider, 'secretariat');
    const id = victim.doc.clientID;
    await until(() => presentNames(good.provider).includes('secretariat'), 5_000, 'the victim announced');
    const before = await storedLog();
    // The attacker (another user, an editor) learnt the victim's id from presence.
    for (const frame of [bareStruct('skip', id, 0, 50), bareStruct('gc', id, 0, 50)]) {
      expect((await sendAs(users.sponsor2.token, updateFrame(frame))).code).toBe(CloseReasons.clientIdTaken.code);
    }
    expect(await storedLog()).toEqual(before);
    // The victim types, and is credited with every word.
    typeInto(victim.doc, 3, 0, 'VICTIMWORDS ');
    await until(async () => JSON.stringify(textJSON(await storedDoc())).includes('VICTIMWORDS'), 5_000, "the victim's edit stored");
    expect(victim.provider.wsconnected).toBe(true);
    // The paragraph opens with the victim's words, and its first run is the victim's.
    const paragraph = (await authorshipOf(server.store, draftId)).find((p) => p.text.startsWith('VICTIMWORDS'))!;
    expect(paragraph.runs[0]).toMatchObject({ userId: users.secretariat.id });
    expect(paragraph.runs[0]!.length).toBeGreaterThanOrEqual('VICTIMWORDS '.length);
    expect(paragraph.runs.some((r) => r.userId === users.sponsor2.id)).toBe(false);
  });

  it("a pending struct under an announced id is refused (4409); one under an id of one's own is not stored, the sender is asked to sync, and closed with 4424 if it never does; the victim's first keystroke is stored", async () => {
    const victim = connect(server.wsUrl, draftId, users.secretariat.token);
    open.push(victim.provider);
    await synced(victim.provider);
    announceAs(victim.provider, 'secretariat');
    await until(() => presentNames(good.provider).filter((n) => n === 'secretariat').length >= 1, 5_000, 'the victim announced');
    const before = await storedLog();
    // A struct at clock 5 of a client the server has nothing of: it would wait for clocks 0–4 forever.
    const ahead = async (clientId: number) => {
      const writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(await storedDoc()));
      writer.clientID = clientId;
      typeInto(writer, 1, 0, 'abcde');
      const sv = Y.encodeStateVector(writer);
      typeInto(writer, 1, 0, 'PENDING');
      return Y.encodeStateAsUpdate(writer, sv);
    };
    expect((await sendAs(users.sponsor2.token, updateFrame(await ahead(victim.doc.clientID)))).code).toBe(CloseReasons.clientIdTaken.code);
    // Honest clients send such an update when they type the moment they reconnect: refused, not
    // stored, and the sender asked for what it has (a sync step 1). One that never answers is cut off.
    const pending = updateFrame(await ahead(4_000_123));
    const own = await sendAs(users.sponsor2.token, pending);
    expect(own.code).toBe(0);
    expect(own.refusals).toEqual(['missing_dependencies']);
    expect(own.syncRequests).toBe(1);
    const stubborn = await sendAs(users.sponsor2.token, ...Array.from({ length: 60 }, () => pending));
    expect(stubborn.code).toBe(CloseReasons.missingDependencies.code);
    expect(await storedLog()).toEqual(before);
    let closed = 0;
    victim.provider.on('connection-close', (e: { code: number } | null) => (closed = e?.code ?? closed));
    typeInto(victim.doc, 2, 0, 'FIRSTKEY ');
    await until(async () => JSON.stringify(textJSON(await storedDoc())).includes('FIRSTKEY'), 5_000, "the victim's first keystroke stored");
    expect(closed).toBe(0);
  });
});

describe('presence', () => {
  it("a read-only reader cannot appear as the secretariat, nor overwrite or remove another delegation's entry", async () => {
    const watcher = connect(server.wsUrl, draftId, users.secretariat.token);
    open.push(watcher.provider);
    await synced(watcher.provider);
    announceAs(watcher.provider, 'secretariat');
    await until(() => presentNames(good.provider).includes('secretariat'), 5_000, 'the watcher announced');
    announceAs(good.provider, 'sponsor');
    const { ws } = await rawSocket(server.wsUrl, draftId, users.observer.token);
    const victimId = good.doc.clientID;
    await until(() => watcher.provider.awareness.meta.has(victimId), 5_000, 'the victim seen');
    const victimClock = watcher.provider.awareness.meta.get(victimId)!.clock;
    ws.send(
      awarenessFrame(
        encodeEntries([
          // Its own id, claiming to be the secretariat.
          { clientId: 31_337, clock: 1, state: { user: { name: 'Secretariat', person: 'Secretariat', color: '#ff0000' } } },
          // The victim's id, one clock ahead, under another name.
          { clientId: victimId, clock: victimClock + 1, state: { user: { name: 'Forged', person: 'Forged' } } },
        ]),
      ),
    );
    await until(() => watcher.provider.awareness.getStates().has(31_337), 5_000, "the reader's own entry relayed");
    const forged = watcher.provider.awareness.getStates().get(31_337) as { user: { name: string; person: string; id: string } };
    // The server says who it is: the observer, of Peru, not the secretariat.
    expect(forged.user).toMatchObject({ name: 'Peru', person: 'observer', id: users.observer.id });
    expect((watcher.provider.awareness.getStates().get(victimId) as { user?: { person?: string } }).user?.person).not.toBe('Forged');
    // A removal of the victim at its own clock is dropped too.
    ws.send(awarenessFrame(encodeEntries([{ clientId: victimId, clock: watcher.provider.awareness.meta.get(victimId)!.clock, state: null }])));
    await pause(300);
    expect(watcher.provider.awareness.getStates().has(victimId)).toBe(true);
    // When the attacker leaves, its forgeries leave with it; the victim stays as it was.
    ws.close();
    await until(() => !watcher.provider.awareness.getStates().has(31_337), 5_000, "the reader's entry gone");
    expect(watcher.provider.awareness.getStates().has(victimId)).toBe(true);
  });
});
