/** Loading and unloading: checkpoints every N updates, load = checkpoint + tail, idle drafts unloaded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, seedDraft, seedText, startCollabServer, synced, textJSON, typeInto, until, type CollabServer, type SeededUsers } from '../../helpers/collab';

let server: CollabServer;
let draftId: string;
let users: SeededUsers;

beforeAll(async () => {
  server = await startCollabServer({ options: { checkpointEvery: 5, unloadAfterMs: 100 } });
  ({ draftId, users } = await seedDraft(server.store));
});

afterAll(async () => {
  await server.close();
});

describe('the registry of loaded drafts', () => {
  it('checkpoints as the log grows, unloads an idle draft, and reloads it from checkpoint + tail', async () => {
    const a = connect(server.wsUrl, draftId, users.sponsor.token);
    await synced(a.provider);
    seedText(a.doc);
    for (let i = 0; i < 23; i++) {
      typeInto(a.doc, 1, 0, `${i} `);
      await new Promise((r) => setTimeout(r, 3));
    }
    await until(async () => (await server.store.lastSeq(draftId)) >= 10, 5_000, 'updates stored');
    const expected = JSON.stringify(textJSON(a.doc));
    await until(async () => (await server.store.latestCheckpoint(draftId)) !== null, 5_000, 'a checkpoint');
    a.provider.destroy();
    // Once unloaded, the room is gone; the next connection loads it again.
    await until(async () => (await server.store.latestCheckpoint(draftId))?.seq === (await server.store.lastSeq(draftId)), 5_000, 'final checkpoint on unload');
    const b = connect(server.wsUrl, draftId, users.sponsor2.token);
    await synced(b.provider);
    expect(JSON.stringify(textJSON(b.doc))).toBe(expected);
    b.provider.destroy();
  });
});
