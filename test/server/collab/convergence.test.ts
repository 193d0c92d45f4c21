/** Co-editing: clients on one draft converge to the same ProseMirror JSON, offline edits merge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { loadDoc } from '../../../server/collab/registry';
import { addParagraph, connect, seedDraft, seedText, startCollabServer, synced, textJSON, typeInto, until, type CollabServer } from '../../helpers/collab';

let server: CollabServer;
let draftId: string;
let tokens: string[];
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startCollabServer();
  const seeded = await seedDraft(server.store);
  draftId = seeded.draftId;
  tokens = [seeded.users.sponsor.token, seeded.users.sponsor2.token, seeded.users.secretariat.token];
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server.close();
});

function client(i: number): { doc: Y.Doc; provider: WebsocketProvider } {
  const c = connect(server.wsUrl, draftId, tokens[i % tokens.length]!);
  open.push(c.provider);
  return c;
}

function same(docs: Y.Doc[]): boolean {
  const first = JSON.stringify(textJSON(docs[0]!));
  return docs.every((d) => JSON.stringify(textJSON(d)) === first);
}

// A small seeded generator, so a failure replays.
function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

async function editConcurrently(clients: { doc: Y.Doc }[], rounds: number, seed: number): Promise<void> {
  const rnd = rng(seed);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of clients.entries()) {
      if (rnd() < 0.1) addParagraph(c.doc, `c${i}r${r}`, `New paragraph by ${i}.`);
      else typeInto(c.doc, 1 + Math.floor(rnd() * 3), Math.floor(rnd() * 20), String.fromCharCode(97 + (i % 26)));
    }
    await new Promise((res) => setTimeout(res, 1));
  }
}

describe('co-editing one draft', () => {
  it('two clients edit concurrently and converge', async () => {
    const a = client(0);
    await synced(a.provider);
    seedText(a.doc);
    const b = client(1);
    await synced(b.provider);
    await until(() => same([a.doc, b.doc]), 5_000, 'b to get the seed');
    await editConcurrently([a, b], 50, 1);
    await until(() => same([a.doc, b.doc]), 10_000, 'convergence');
    expect((textJSON(a.doc) as { content: unknown[] }).content.length).toBeGreaterThanOrEqual(4);
    // A newcomer gets the same text from the server alone.
    const c = client(2);
    await synced(c.provider);
    await until(() => same([a.doc, c.doc]), 5_000, 'newcomer');
    // And the log alone rebuilds it.
    const { doc: restored } = await loadDoc(server.store, draftId);
    expect(textJSON(restored)).toEqual(textJSON(a.doc));
  });

  it('ten clients edit concurrently and converge', async () => {
    const clients = Array.from({ length: 10 }, (_, i) => client(i));
    await Promise.all(clients.map((c) => synced(c.provider)));
    await editConcurrently(clients, 30, 2);
    await until(() => same(clients.map((c) => c.doc)), 15_000, 'convergence of ten');
  });

  it('a client that goes offline, edits and comes back merges its edits', async () => {
    const a = client(0);
    const b = client(1);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    await until(() => same([a.doc, b.doc]), 5_000, 'initial sync');
    a.provider.disconnect();
    typeInto(a.doc, 1, 0, 'OFFLINE ');
    typeInto(b.doc, 2, 0, 'ONLINE ');
    await new Promise((r) => setTimeout(r, 100));
    a.provider.connect();
    await until(() => same([a.doc, b.doc]), 5_000, 'merge after reconnect');
    const json = JSON.stringify(textJSON(b.doc));
    expect(json).toContain('OFFLINE ');
    expect(json).toContain('ONLINE ');
  });
});
