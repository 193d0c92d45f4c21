/**
 * What only the SQLite store has to show: a data dir it creates, durability across close and
 * reopen, a refused call from inside its own transaction, and the writer thread that commits
 * the update log off the event loop (its own durable connection, waits, failures, restarts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/storage';
import { SqliteStore } from '../../../server/storage/sqlite';
import { bytes, range, seedDraft, seedUser, update } from '../../helpers/storeContract';

describe('SQLite store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-sqlite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates the data dir, survives close and reopen, and is durable (WAL, synchronous FULL)', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openStore({ dataDir });
    expect(first.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, 'penholder.sqlite'))).toBe(true);
    const db = (first as SqliteStore).database;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const draft = await seedDraft(first);
    await first.appendUpdates([update(draft.id, 1, 2, 3)]);
    await first.close();

    const again = await openStore({ dataDir });
    expect(await again.getDraft(draft.id)).toEqual(draft);
    expect((await again.listUpdates(draft.id))[0]!.update).toEqual(bytes(1, 2, 3));
    expect((await again.appendUpdates([update(draft.id, 4)]))[0]!.seq).toBe(2);
    await again.close();
  });

  it('refuses a call on the store from inside its own transaction, rather than hanging', async () => {
    const store = await openStore({ dataDir: join(dir, 'reentry') });
    await expect(store.transaction(() => store.countUsers())).rejects.toThrow(/use the tx argument/);
    const draft = await seedDraft(store);
    // The writer thread would wait for the transaction's lock: refused too.
    await expect(store.transaction(() => store.appendUpdates([update(draft.id, 1)]))).rejects.toThrow(/use the tx argument/);
    await expect(store.transaction(() => store.claimClientIds(draft.id, 'u', [1]))).rejects.toThrow(/use the tx argument/);
    expect(await store.lastSeq(draft.id)).toBe(0);
    expect(await store.countUsers()).toBe(0);
    await store.close();
  });
});

describe('SQLite writer thread', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-writer-'));
    file = join(dir, 'penholder.sqlite');
    store = SqliteStore.open(file);
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('commits with its own durable connection (WAL, synchronous FULL, foreign keys, busy timeout)', async () => {
    expect(await store.writer.settings()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 });
  });

  it('is back to synchronous FULL after a client-id claim (which it commits lazily), whether the claim takes every id or meets one held', async () => {
    const draft = await seedDraft(store);
    const [a, b] = [await seedUser(store), await seedUser(store)];
    // A claim that takes every id, and one that meets an id another user holds.
    expect(await store.claimClientIds(draft.id, a.id, [11, 12])).toEqual([]);
    expect(await store.claimClientIds(draft.id, b.id, [13, 11])).toEqual([11]);
    expect(await store.writer.settings()).toMatchObject({ synchronous: 2 });
    expect((await store.appendUpdates([update(draft.id, 1)]))[0]!.seq).toBe(1);
  });

  it('makes what it committed visible to any connection at once, and after reopening the file', async () => {
    const draft = await seedDraft(store);
    await store.appendUpdates([update(draft.id, 1), update(draft.id, 2)]);
    await store.saveCheckpoint({ draftId: draft.id, seq: 2, state: bytes(9) });
    // A connection of its own, opened after the commit resolved and before anything is closed.
    const other = new Database(file, { readonly: true });
    try {
      expect(other.prepare('SELECT seq FROM updates WHERE draft_id = ? ORDER BY seq').all(draft.id)).toEqual([{ seq: 1 }, { seq: 2 }]);
      expect(other.prepare('SELECT seq FROM checkpoints WHERE draft_id = ?').all(draft.id)).toEqual([{ seq: 2 }]);
    } finally {
      other.close();
    }
    const again = SqliteStore.open(file);
    expect((await again.listUpdates(draft.id)).map((u) => u.update)).toEqual([bytes(1), bytes(2)]);
    await again.close();
  });

  it('waits for a transaction on the main connection instead of failing, then continues its seqs', async () => {
    const draft = await seedDraft(store);
    let release!: () => void;
    const gateOpen = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = store.transaction(async (t) => {
      await t.appendUpdates([update(draft.id, 1)]);
      inside();
      await gateOpen;
    });
    await entered;
    let settled = false;
    const outside = store.appendUpdates([update(draft.id, 2)]).then((r) => ((settled = true), r));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    release();
    await tx;
    expect((await outside)[0]!.seq).toBe(2);
  });

  it('reports a failed write as an error and keeps serving', async () => {
    await expect(store.appendUpdates([update('no-such-draft', 1)])).rejects.toThrow(/FOREIGN KEY/);
    const draft = await seedDraft(store);
    expect((await store.appendUpdates([update(draft.id, 1)]))[0]!.seq).toBe(1);
  });

  it('is restarted after it dies: unanswered calls reject, the next ones commit, seqs stay contiguous', async () => {
    const draft = await seedDraft(store);
    await store.appendUpdates([update(draft.id, 0)]);
    const during = range(1, 5).map((i) =>
      store.appendUpdates([update(draft.id, i)]).then(
        () => 'stored',
        () => 'rejected',
      ),
    );
    await store.writer.terminate();
    const outcomes = await Promise.all(during);
    expect(outcomes).toContain('rejected');
    // The dead thread's connection left no lock behind: both connections write again.
    expect((await store.appendDraftEvent({ draftId: draft.id, type: 'x', payload: {}, userId: null })).seq).toBe(1);
    const after = await store.appendUpdates([update(draft.id, 6)]);
    const log = await store.listUpdates(draft.id);
    expect(log.map((u) => u.seq)).toEqual(range(1, log.length));
    expect(after[0]!.seq).toBe(log.length);
    expect(await store.writer.settings()).toMatchObject({ synchronous: 2 });
  });

  it('finishes the commits in flight when the store closes', async () => {
    const own = SqliteStore.open(join(dir, 'closing.sqlite'));
    await own.migrate();
    const draft = await seedDraft(own);
    const pending = own.appendUpdates(range(1, 50).map((i) => update(draft.id, i)));
    await own.close();
    expect((await pending).map((u) => u.seq)).toEqual(range(1, 50));
    await expect(own.appendUpdates([update(draft.id, 1)])).rejects.toThrow(/closed/);
    const again = SqliteStore.open(join(dir, 'closing.sqlite'));
    expect(await again.lastSeq(draft.id)).toBe(50);
    await again.close();
  });
});
