/**
 * A peer that stops reading what it is sent, against a real server: the server holds no more than
 * the buffer limit for it and closes it with 4508 (seen when it reads again); if it never reads,
 * its socket is dropped after a grace; everyone else keeps editing, and every edit is stored.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { CloseReasons } from '../../../shared/protocol';
import { loadDoc } from '../../../server/collab/registry';
import { syncStep1Frame } from '../../../server/collab/wire';
import {
  connect,
  plainText,
  rawSocket,
  seedDraft,
  seedText,
  startCollabServer,
  synced,
  typeInto,
  until,
  type CollabServer,
  type Heard,
  type SeededUsers,
} from '../../helpers/collab';

const BOUND = 512 * 1024;
const GRACE_MS = 1_500;
/** About 100 KB of text: each answer to "send me everything" is that large. */
const LONG = Array.from({ length: 26_000 }, (_, i) => `w${i % 97} `).join('');

let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let editor: { doc: Y.Doc; provider: WebsocketProvider };
let reader: { doc: Y.Doc; provider: WebsocketProvider };

beforeAll(async () => {
  server = await startCollabServer({ options: { maxBufferedBytes: BOUND, behindGraceMs: GRACE_MS } });
  ({ draftId, users } = await seedDraft(server.store));
  editor = connect(server.wsUrl, draftId, users.sponsor.token);
  await synced(editor.provider);
  seedText(editor.doc, 3);
  typeInto(editor.doc, 1, 0, LONG);
  reader = connect(server.wsUrl, draftId, users.secretariat.token);
  await synced(reader.provider);
  await until(() => plainText(reader.doc).length > LONG.length, 10_000, 'the long text reached the reader');
});

afterAll(async () => {
  editor.provider.destroy();
  reader.provider.destroy();
  await server.close();
});

/** A raw connection as the observer that stops reading, then asks for the whole text `times` times. */
async function stopReadingAndAsk(times: number): Promise<{ ws: WebSocket; socket: Socket; heard: Heard }> {
  const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.observer.token);
  ws.on('error', () => undefined);
  const socket = (ws as unknown as { _socket: Socket })._socket;
  socket.pause();
  const askAll = syncStep1Frame(new Y.Doc());
  for (let i = 0; i < times; i++) ws.send(askAll);
  return { ws, socket, heard };
}

const observerPresent = () => server.collab.presentIn(draftId).some((u) => u.userId === users.observer.id);

/** The editor types; the reader and the store both get it. */
async function othersKeepEditing(word: string): Promise<void> {
  typeInto(editor.doc, 2, 0, word);
  await until(() => plainText(reader.doc).includes(word), 5_000, `${word} relayed`);
  await until(async () => plainText((await loadDoc(server.store, draftId)).doc).includes(word), 5_000, `${word} stored`);
}

describe('a peer that stops reading', () => {
  it('is closed with 4508 once more than the bound waits for it, and reads the code when it reads again', async () => {
    const { socket, heard } = await stopReadingAndAsk(300);
    await until(() => !observerPresent(), 10_000, 'the server let the peer go');
    await othersKeepEditing('während');
    socket.resume();
    expect(await heard.closed).toBe(CloseReasons.tooFarBehind.code);
    // It got what the kernel and the bound held, not 300 whole texts (30 MB).
    const got = heard.frames.reduce((n, f) => n + f.length, 0);
    expect(got).toBeLessThan(300 * LONG.length);
  });

  it('that never reads again loses its socket after the grace, and what was held for it', async () => {
    const { socket, heard } = await stopReadingAndAsk(300);
    await until(() => !observerPresent(), 10_000, 'the server let the peer go');
    await new Promise((r) => setTimeout(r, GRACE_MS + 1_000));
    socket.resume();
    // The close frame was still queued behind what it never read, and went with it: an abnormal close.
    expect(await heard.closed).toBe(1006);
    await othersKeepEditing('später');
  });

  it('a peer that reads is not cut off, however much it is sent in all: the bound is on what waits, not on what went', async () => {
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.observer.token);
    const askAll = syncStep1Frame(new Y.Doc());
    const wholeTexts = () => heard.frames.filter((f) => f.length > LONG.length).length;
    // Twelve whole texts, each asked once the one before was read: about 1.2 MB, over twice the bound.
    for (let i = 1; i <= 12; i++) {
      ws.send(askAll);
      await until(() => wholeTexts() >= i, 10_000, `whole text ${i}`);
    }
    expect(wholeTexts() * LONG.length).toBeGreaterThan(2 * BOUND);
    expect(observerPresent()).toBe(true);
    ws.close();
    expect(await heard.closed).toBe(1005);
  });
});
