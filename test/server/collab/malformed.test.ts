/**
 * Bad input: malformed frames close only the connection that sent them, with a stated code; the
 * server keeps serving everyone else and no stored update changes. Property-based, ≥ 10,000 frames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { CloseReasons, MessageType } from '../../../shared/protocol';
import { loadDoc } from '../../../server/collab/registry';
import { awarenessFrame, updateFrame } from '../../../server/collab/wire';
import { connect, seedDraft, seedText, startCollabServer, synced, textJSON, typeInto, until, type CollabServer, type SeededUsers } from '../../helpers/collab';

const FRAMES = 10_000;
let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let good: { doc: Y.Doc; provider: WebsocketProvider };
let validUpdate: Uint8Array;

beforeAll(async () => {
  server = await startCollabServer({ options: { maxFrameBytes: 64 * 1024 } });
  ({ draftId, users } = await seedDraft(server.store));
  good = connect(server.wsUrl, draftId, users.sponsor.token);
  await synced(good.provider);
  seedText(good.doc, 5);
  await until(async () => (await server.store.lastSeq(draftId)) > 0, 5_000, 'seed stored');
  validUpdate = Y.encodeStateAsUpdate(good.doc);
});

afterAll(async () => {
  good.provider.destroy();
  await server.close();
});

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else encoding.writeUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

function withLength(bytes: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint8Array(e, bytes);
  return encoding.toUint8Array(e);
}

/** Frames that are not valid protocol, by kind. */
const malformedFrame = (update: Uint8Array): fc.Arbitrary<Uint8Array> => {
  const bytes = fc.uint8Array({ minLength: 0, maxLength: 64 });
  const valid = updateFrame(update);
  return fc.oneof(
    // A varint that never ends.
    fc.integer({ min: 1, max: 12 }).map((n) => new Uint8Array(n).fill(0xff)),
    // An unknown message type.
    fc
      .tuple(
        fc.integer({ min: 4, max: 1_000_000 }).filter((t) => t !== MessageType.notice),
        bytes,
      )
      .map(([t, b]) => frame(t, b)),
    // An unknown sync message.
    fc.tuple(fc.integer({ min: 3, max: 300 }), bytes).map(([s, b]) => frame(MessageType.sync, s, withLength(b))),
    // A valid update frame cut short.
    fc.integer({ min: 1, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
    // Garbage where a Yjs update should be, correctly length-prefixed.
    fc.tuple(fc.constantFrom(1, 2), bytes).map(([s, b]) => frame(MessageType.sync, s, withLength(b))),
    // A truncated update inside a correct frame.
    fc.integer({ min: 1, max: update.length - 1 }).map((n) => frame(MessageType.sync, 2, withLength(update.slice(0, n)))),
    // Awareness with broken JSON.
    fc.string({ maxLength: 20 }).map((s) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 42);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, `{${s}`);
      return awarenessFrame(encoding.toUint8Array(e));
    }),
    // Trailing bytes after a valid message.
    bytes.filter((b) => b.length > 0).map((b) => frame(valid, b)),
    // Plain noise.
    fc.uint8Array({ minLength: 1, maxLength: 256 }),
  );
};

/** Send one frame on a fresh connection; resolve with the close code, or 0 if it stayed open. */
function sendOne(token: string, f: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/${draftId}?token=${token}`);
    let timer: NodeJS.Timeout | undefined;
    ws.on('open', () => {
      ws.send(f);
      timer = setTimeout(() => {
        ws.terminate();
        resolve(0);
      }, 500);
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    ws.on('error', reject);
  });
}

describe('malformed frames', () => {
  it(`${FRAMES} malformed frames close their own connections; the server keeps serving; no stored update changes`, async () => {
    const before = await server.store.listUpdates(draftId);
    const frames = fc.sample(malformedFrame(validUpdate), { numRuns: FRAMES, seed: 20221021 });
    const codes = new Map<number, number>();
    let next = 0;
    // A few connections at a time; each sends one frame (a malformed frame ends its connection).
    const tokens = [users.sponsor.token, users.sponsor2.token, users.observer.token, users.secretariat.token];
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        while (next < frames.length) {
          const f = frames[next++]!;
          const code = await sendOne(tokens[w % tokens.length]!, f);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }),
    );
    // Every one is refused as malformed, on its own connection.
    expect(Object.fromEntries(codes)).toEqual({ [CloseReasons.malformed.code]: FRAMES });

    // No stored update changed.
    const after = await server.store.listUpdates(draftId);
    expect(after.slice(0, before.length).map((u) => Buffer.from(u.update).toString('hex'))).toEqual(before.map((u) => Buffer.from(u.update).toString('hex')));
    // The open client never noticed and keeps working; a newcomer gets the same text.
    expect(good.provider.wsconnected).toBe(true);
    typeInto(good.doc, 1, 0, 'still here ');
    const late = connect(server.wsUrl, draftId, users.sponsor2.token);
    await synced(late.provider);
    await until(() => JSON.stringify(textJSON(late.doc)) === JSON.stringify(textJSON(good.doc)), 5_000, 'newcomer to converge');
    expect(JSON.stringify(textJSON(late.doc))).toContain('still here');
    const { doc: restored } = await loadDoc(server.store, draftId);
    expect(textJSON(restored)).toEqual(textJSON(good.doc));
    late.provider.destroy();
  }, 120_000);

  it('an oversized frame closes with 4413, a text frame with 4400', async () => {
    const big = frame(MessageType.sync, 2, withLength(new Uint8Array(70 * 1024)));
    expect(await sendOne(users.sponsor.token, big)).toBe(CloseReasons.frameTooLarge.code);
    const ws = new WebSocket(`${server.wsUrl}/${draftId}?token=${users.sponsor.token}`);
    const code = await new Promise<number>((r) => {
      ws.on('open', () => ws.send('hello'));
      ws.on('close', (c) => r(c));
    });
    expect(code).toBe(CloseReasons.malformed.code);
  });
});

describe('rate limits', () => {
  it('a connection flooding messages is closed with 4529; others are unaffected', async () => {
    const ws = new WebSocket(`${server.wsUrl}/${draftId}?token=${users.observer.token}`);
    const code = await new Promise<number>((r) => {
      ws.on('open', () => {
        const sv = frame(MessageType.sync, 0, withLength(Y.encodeStateVector(good.doc)));
        for (let i = 0; i < 2_000; i++) ws.send(sv);
      });
      ws.on('close', (c) => r(c));
    });
    expect(code).toBe(CloseReasons.rateLimited.code);
    expect(good.provider.wsconnected).toBe(true);
  });
});
