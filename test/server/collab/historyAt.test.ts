/**
 * The text as of a time, on a log whose updates carry known times: the answer is the last
 * update stored at or before the time, found by a binary search over the seqs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { textAsOf } from '../../../server/collab/history';
import { openStore } from '../../../server/storage/index';
import type { Store } from '../../../server/storage/types';
import { makeWorld } from '../../helpers/factories';

const START = Date.parse('2022-10-17T09:00:00.000Z');
const minute = (n: number) => new Date(START + n * 60_000).toISOString();
const WORDS = ['Decides ', 'to ', 'continue ', 'its ', 'work ', 'on ', 'the ', 'matter'];

let dir: string;
let store: Store;
let draftId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-history-at-'));
  store = await openStore({ dataDir: dir });
  const world = await makeWorld(store);
  draftId = world.draft.id;
  // One word a minute, at minutes 0, 1, … 7: seq n holds the first n words.
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => void updates.push(u));
  const p = new Y.XmlElement('operative');
  p.insert(0, [new Y.XmlText('')]);
  doc.getXmlFragment('prosemirror').insert(0, [p]);
  const first = updates.splice(0);
  const text = p.get(0) as Y.XmlText;
  for (const word of WORDS) text.insert(text.length, word);
  const user = world.users.sponsor;
  await store.appendUpdates([
    { draftId, update: Y.mergeUpdates([...first, updates[0]!]), userId: user.id, delegationId: user.delegationId, at: minute(0) },
    ...updates.slice(1).map((update, i) => ({ draftId, update, userId: user.id, delegationId: user.delegationId, at: minute(i + 1) })),
  ]);
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the text as of a time', () => {
  it('is the last update stored at or before it, at every point of the log', async () => {
    for (let n = 0; n < WORDS.length; n++) {
      for (const at of [minute(n), new Date(START + n * 60_000 + 30_000).toISOString()]) {
        const found = await textAsOf(store, draftId, { at });
        expect(found.seq, at).toBe(n + 1);
        expect(found.at).toBe(minute(n));
        expect(found.plain).toBe(WORDS.slice(0, n + 1).join(''));
      }
    }
  });

  it('is empty before the first update and the latest after the last', async () => {
    const before = await textAsOf(store, draftId, { at: minute(-1) });
    expect(before).toMatchObject({ seq: 0, at: null, plain: '' });
    const after = await textAsOf(store, draftId, { at: minute(60) });
    expect(after).toMatchObject({ seq: WORDS.length, at: minute(WORDS.length - 1), plain: WORDS.join('') });
  });
});
