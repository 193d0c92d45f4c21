/**
 * A room keeps its last answer to a sync step 1 while its document does not change (many
 * delegates opening a draft at once send the same state vector). It must never be stale: a
 * newcomer after an edit, or with another state vector, gets the text as it is. A few are
 * kept, so that an up-to-date client asking in between does not push out the whole text's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SyncAnswers } from '../../../server/collab/syncAnswers';
import { openStore } from '../../../server/storage/index';
import type { Store } from '../../../server/storage/types';
import { connect, plainText, rawSocket, seedDraft, seedText, startCollabServer, synced, typeInto, until, type CollabServer } from '../../helpers/collab';

let dir: string;
let store: Store;
let server: CollabServer;
let draftId: string;
let token: string;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-sync-answer-'));
  store = await openStore({ dataDir: dir });
  server = await startCollabServer({ store });
  const seeded = await seedDraft(store);
  draftId = seeded.draftId;
  token = seeded.users.sponsor.token;
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** The text a newcomer is sent when it asks with `doc`'s state vector. */
async function answerFor(doc: Y.Doc): Promise<string> {
  const { ws, heard } = await rawSocket(server.wsUrl, draftId, token);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, doc);
  ws.send(encoding.toUint8Array(e));
  const step2 = () =>
    heard.frames.find((f) => {
      const d = decoding.createDecoder(f);
      return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1;
    });
  await until(() => step2() !== undefined, 5_000, 'a sync step 2');
  ws.close();
  const d = decoding.createDecoder(step2()!);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, decoding.readVarUint8Array(d));
  return plainText(copy);
}

describe('the answer to a sync step 1', () => {
  it('is the same for the same state vector while nothing changes, and the text as it is after an edit', async () => {
    const a = connect(server.wsUrl, draftId, token);
    open.push(a.provider);
    await synced(a.provider);
    seedText(a.doc);
    await until(async () => (await answerFor(new Y.Doc())).includes('Paragraph 3.'), 5_000, 'the seed stored');
    const first = await answerFor(new Y.Doc());
    expect(await answerFor(new Y.Doc())).toBe(first);

    // An edit: the next newcomer with the same (empty) state vector gets it.
    typeInto(a.doc, 2, 0, 'Edited ');
    await until(async () => (await answerFor(new Y.Doc())).includes('Edited'), 5_000, 'the edit in the answer');

    // Another state vector (a client holding part of the text) gets the rest of it, not the kept answer.
    const partial = new Y.Doc();
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(a.doc));
    typeInto(a.doc, 2, 0, 'Again ');
    await until(async () => (await answerFor(partial)).includes('Again'), 5_000, 'the later edit for a partial client');
    expect(await answerFor(new Y.Doc())).toContain('Again Edited');
  });
});

describe('the kept answers (syncAnswers.ts)', () => {
  it('a few state vectors asked in turn are each answered from what was kept, until the text changes', () => {
    const doc = new Y.Doc();
    seedText(doc, 3);
    const answers = new SyncAnswers(doc);
    // A newcomer (empty), a client that is up to date (a reconnect), and one holding part of the text.
    const partial = new Y.Doc();
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(doc));
    typeInto(doc, 1, 0, 'Later ');
    const vectors = [new Uint8Array([0]), Y.encodeStateVector(doc), Y.encodeStateVector(partial)];
    const first = vectors.map((sv) => answers.answer(sv));
    expect(new Set(first).size).toBe(3);
    for (const [i, sv] of vectors.entries()) expect(answers.answer(sv)).toBe(first[i]);
    // The text changes: every kept answer is out of date.
    typeInto(doc, 1, 0, 'Changed ');
    const after = answers.answer(vectors[0]!);
    expect(after).not.toBe(first[0]);
    expect(Buffer.from(after.frame).includes(Buffer.from('Changed'))).toBe(true);
    // More state vectors than are kept: the oldest is answered anew, the latest from what was kept.
    const many = Array.from({ length: 6 }, (_, i) => {
      const d = new Y.Doc();
      d.clientID = 1_000 + i;
      d.getMap('m').set('k', i);
      return Y.encodeStateVector(d);
    });
    const sent = many.map((sv) => answers.answer(sv));
    expect(answers.answer(many[0]!)).not.toBe(sent[0]);
    expect(answers.answer(many[5]!)).toBe(sent[5]);
    answers.destroy();
  });
});
