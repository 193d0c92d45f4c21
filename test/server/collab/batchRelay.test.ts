/**
 * Edits that arrive while the previous commit runs are committed together and reach every other
 * peer as one frame, not one frame per edit; the texts still converge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openStore } from '../../../server/storage/index';
import type { Store } from '../../../server/storage/types';
import { connect, plainText, rawSocket, seedDraft, seedText, startCollabServer, synced, typeInto, until, type CollabServer } from '../../helpers/collab';

let dir: string;
let real: Store;
let server: CollabServer;
let draftId: string;
let tokens: { a: string; b: string; watcher: string };
let gate: Promise<void> | null = null;
let appends = 0;
const open: WebsocketProvider[] = [];

/** The real store, whose update-log appends wait while `gate` is set. */
function gated(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      if (prop === 'appendUpdates') {
        return async (...args: unknown[]) => {
          appends += 1;
          if (gate) await gate;
          return v.apply(target, args);
        };
      }
      return v.bind(target);
    },
  });
}

/** The sync-protocol updates (message 0, step 2) among raw frames. */
function updateFrames(frames: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of frames) {
    const d = decoding.createDecoder(f);
    if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) continue;
    out.push(decoding.readVarUint8Array(d));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-batch-relay-'));
  real = await openStore({ dataDir: dir });
  server = await startCollabServer({ store: gated(real) });
  const seeded = await seedDraft(real);
  draftId = seeded.draftId;
  tokens = { a: seeded.users.sponsor.token, b: seeded.users.sponsor2.token, watcher: seeded.users.secretariat.token };
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server.close();
  await real.close();
  await rm(dir, { recursive: true, force: true });
});

describe('relaying a committed batch', () => {
  it('sends edits committed together as one frame to every other peer', async () => {
    const a = connect(server.wsUrl, draftId, tokens.a);
    const b = connect(server.wsUrl, draftId, tokens.b);
    open.push(a.provider, b.provider);
    await synced(a.provider);
    await synced(b.provider);
    seedText(a.doc);
    await until(() => plainText(b.doc).includes('Paragraph 3.'), 5_000, 'seed reaches B');
    // Both clients' ids are claimed before the measured part.
    typeInto(b.doc, 2, 0, 'b0 ');
    await until(() => plainText(a.doc).includes('b0 '), 5_000, 'B reaches A');

    const watcher = await rawSocket(server.wsUrl, draftId, tokens.watcher);
    await until(() => watcher.heard.frames.length > 0, 5_000, 'watcher joined');
    const before = watcher.heard.frames.length;

    // The first edit's commit is held; two more edits, from A and from B, arrive meanwhile.
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const heldAt = appends;
    typeInto(a.doc, 1, 0, 'one ');
    await until(() => appends > heldAt, 5_000, 'the first commit started');
    typeInto(a.doc, 2, 0, 'two ');
    typeInto(b.doc, 3, 0, 'three ');
    await new Promise((r) => setTimeout(r, 200));
    gate = null;
    release();

    await until(() => plainText(a.doc).includes('three ') && plainText(b.doc).includes('one ') && plainText(b.doc).includes('two '), 5_000, 'both converge');
    await until(() => updateFrames(watcher.heard.frames.slice(before)).length >= 2, 5_000, 'the watcher heard the edits');
    await new Promise((r) => setTimeout(r, 200));
    const frames = updateFrames(watcher.heard.frames.slice(before));
    // Two commits: the held edit alone, then the two that waited for it, in one frame.
    expect(appends - heldAt).toBe(2);
    expect(frames).toHaveLength(2);
    expect(plainText(a.doc)).toBe(plainText(b.doc));
    for (const word of ['one ', 'two ', 'three ']) expect(plainText(a.doc)).toContain(word);
    // The second frame alone holds both waiting edits.
    const second = Y.decodeUpdate(frames[1]!);
    const texts = second.structs.flatMap((s) => (s instanceof Y.Item && s.content instanceof Y.ContentString ? [s.content.str] : []));
    expect(texts.sort()).toEqual(['three ', 'two ']);
    watcher.ws.close();
  });
});
