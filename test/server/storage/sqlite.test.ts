/**
 * What only the SQLite store has to show: a data dir it creates, durability across close and
 * reopen, a refused call from inside its own transaction, and its own flush of the log
 * (walSync.ts): a write resolves only after an fsync that began after its COMMIT, a read never
 * sees what is not yet flushed, one fsync serves every commit before it, a failed fsync stops
 * the writes; and the checkpointer thread that keeps the log short.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/storage';
import { JOURNAL_BYTES } from '../../../server/storage/editJournal';
import { LOG_FILE_BYTES, SqliteStore } from '../../../server/storage/sqlite';
import { crashCopy, heldFsync, releasing, settledYet, turns } from '../../helpers/heldFsync';
import { bytes, range, seedDraft, seedUser, update } from '../../helpers/storeContract';

describe('SQLite store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-sqlite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates the data dir, survives close and reopen, and flushes the log itself (WAL, synchronous NORMAL, no automatic checkpoint)', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openStore({ dataDir });
    expect(first.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, 'penholder.sqlite'))).toBe(true);
    const db = (first as SqliteStore).database;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
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
    // They would wait for the transaction's own lock: refused too.
    await expect(store.transaction(() => store.appendUpdates([update(draft.id, 1)]))).rejects.toThrow(/use the tx argument/);
    await expect(store.transaction(() => store.claimClientIds(draft.id, 'u', [1]))).rejects.toThrow(/use the tx argument/);
    expect(await store.lastSeq(draft.id)).toBe(0);
    expect(await store.countUsers()).toBe(0);
    await store.close();
  });
});

describe('SQLite flush of the log', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-flush-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /**
   * A migrated store whose fsyncs the test releases; the migration's own flush is let through.
   * It writes every update through SQL, as a script's store does: the journal of edits, which
   * the server's store writes collaboration edits to, has its own tests (editJournal.test.ts).
   */
  async function heldStore(name: string) {
    const f = heldFsync();
    const store = SqliteStore.open(join(dir, `${name}.sqlite`), { fsync: f.fsync, journal: false });
    await releasing(store.migrate(), f.held, f.release);
    return { store, ...f };
  }

  it('resolves a write only after an fsync of the log that began after its COMMIT', async () => {
    const { store, held, release } = await heldStore('order');
    const d = await releasing(seedDraft(store), held, release);
    const append = store.appendUpdates([update(d.id, 1, 2, 3)]);
    const done = settledYet(append);
    await turns();
    // Committed to the log (another connection reads it), not yet reported: its fsync is held.
    const other = new Database(join(dir, 'order.sqlite'), { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM updates WHERE draft_id = ?').get(d.id)).toEqual({ n: 1 });
    other.close();
    expect(held).toHaveLength(1);
    expect(done()).toBe(false);
    release();
    expect((await append)[0]!.seq).toBe(1);
    await store.close();
  });

  it('lets no read see a commit before it is flushed', async () => {
    const { store, held, release } = await heldStore('reads');
    const d = await releasing(seedDraft(store), held, release);
    const append = store.appendUpdates([update(d.id, 7)]);
    await turns();
    const read = store.listUpdates(d.id);
    const readDone = settledYet(read);
    await turns();
    expect(readDone()).toBe(false);
    release();
    await append;
    expect((await read).map((u) => u.update)).toEqual([bytes(7)]);
    await store.close();
  });

  it('flushes every commit made before an fsync began with it; a commit during an fsync waits for the next', async () => {
    const { store, held, release } = await heldStore('group');
    const d = await releasing(seedDraft(store), held, release);
    const user = await releasing(seedUser(store), held, release);
    const first = store.appendUpdates([update(d.id, 1)]);
    await turns();
    expect(held).toHaveLength(1);
    // Two more commits while the first fsync runs: both wait for one more fsync, shared.
    const second = store.appendUpdates([update(d.id, 2)]);
    const third = store.claimClientIds(d.id, user.id, [5]);
    await turns();
    const secondDone = settledYet(second);
    // The claim is lazy: it resolves without an fsync of its own.
    expect(await third).toEqual([]);
    release();
    expect((await first)[0]!.seq).toBe(1);
    await turns();
    expect(secondDone()).toBe(false);
    expect(held).toHaveLength(1);
    release();
    expect((await second)[0]!.seq).toBe(2);
    expect(held).toHaveLength(0);
    await store.close();
  });

  it('rejects the writes waiting for a failed fsync, and takes no write after it', async () => {
    const { store, held, release, fail } = await heldStore('failing');
    const d = await releasing(seedDraft(store), held, release);
    const append = store.appendUpdates([update(d.id, 1)]);
    await turns();
    fail();
    await expect(append).rejects.toThrow(/could not be flushed to the disk.*EIO/);
    await expect(store.appendUpdates([update(d.id, 2)])).rejects.toThrow(/could not be flushed/);
    await expect(store.appendDraftEvent({ draftId: d.id, type: 'x', payload: {}, userId: null })).rejects.toThrow(/could not be flushed/);
    await store.close();
  });
});

describe('SQLite log given its size', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-logsize-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the log file its size when it opens, and commits write over it instead of making it longer', async () => {
    const file = join(dir, 'sized.sqlite');
    const store = SqliteStore.open(file);
    await store.migrate();
    expect(statSync(`${file}-wal`).size).toBe(LOG_FILE_BYTES);
    const draft = await seedDraft(store);
    // 100 commits of 1 KB: over a megabyte of log, all of it within the size given.
    for (let i = 0; i < 100; i++) await store.appendUpdates([update(draft.id, ...new Uint8Array(1000).fill(i))]);
    expect(statSync(`${file}-wal`).size).toBe(LOG_FILE_BYTES);
    await store.close();
    // The last connection's close copies the log back and deletes it; the next open sizes it again.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = SqliteStore.open(file);
    await again.migrate();
    expect(statSync(`${file}-wal`).size).toBe(LOG_FILE_BYTES);
    expect(await again.lastSeq(draft.id)).toBe(100);
    await again.close();
  });

  it('reads back after a crash every commit and nothing of the zeros past them', async () => {
    const file = join(dir, 'crashed.sqlite');
    const store = SqliteStore.open(file);
    await store.migrate();
    const draft = await seedDraft(store);
    // A crash with the log sized and holding nothing but the schema and the draft.
    const early = SqliteStore.open(crashCopy(file, dir, 'early'));
    await early.migrate();
    expect(await early.getDraft(draft.id)).toEqual(draft);
    expect(await early.lastSeq(draft.id)).toBe(0);
    await early.close();
    // A crash after 30 commits: all of them back, in order, and the log goes on from there.
    for (let i = 1; i <= 30; i++) await store.appendUpdates([update(draft.id, i)]);
    const late = SqliteStore.open(crashCopy(file, dir, 'late'));
    await late.migrate();
    expect((await late.listUpdates(draft.id)).map((u) => u.update)).toEqual(range(1, 30).map((i) => bytes(i)));
    expect((await late.appendUpdates([update(draft.id, 31)]))[0]!.seq).toBe(31);
    await late.close();
    await store.close();
  });
});

describe('SQLite checkpointer thread', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-checkpointer-'));
    file = join(dir, 'penholder.sqlite');
    store = SqliteStore.open(file);
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has a connection of its own that flushes what it copies (WAL, synchronous FULL, busy timeout)', async () => {
    expect(await store.checkpointer.settings()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeout: 5000 });
  });

  it('keeps the log short: copied into the database file every 256 commits, and started over', async () => {
    const draft = await seedDraft(store);
    // 3,000 commits of 3 KB: more than 9 MB of log if nothing were copied back.
    for (let i = 0; i < 3000; i++) await store.appendUpdates([update(draft.id, ...new Uint8Array(3000).fill(i % 251))]);
    expect(statSync(`${file}-wal`).size).toBeLessThan(6 * 1024 * 1024);
    // The edits went through the journal of edits, which started over rather than grow.
    expect(statSync(`${file}-edits`).size).toBe(JOURNAL_BYTES);
    expect(await store.lastSeq(draft.id)).toBe(3000);
  });

  it('makes what was committed visible to any connection at once, and after reopening the file', async () => {
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

  it('makes a write outside a transaction wait for the transaction, then continues its seqs', async () => {
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

  it('is restarted after it dies: a checkpoint caught by its death settles (either way), the next one runs in a new thread and copies the whole log', async () => {
    const draft = await seedDraft(store);
    await store.appendUpdates([update(draft.id, 0)]);
    const during = store.checkpointer.checkpoint().then(
      () => 'done',
      () => 'rejected',
    );
    await store.checkpointer.terminate();
    expect(['done', 'rejected']).toContain(await during);
    await store.appendUpdates([update(draft.id, 1)]);
    const after = await store.checkpointer.checkpoint();
    expect(after.busy).toBe(false);
    expect(after.copiedFrames).toBe(after.logFrames);
    expect(await store.checkpointer.settings()).toMatchObject({ synchronous: 2 });
    expect((await store.listUpdates(draft.id)).map((u) => u.seq)).toEqual([1, 2]);
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
