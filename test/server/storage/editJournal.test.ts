/**
 * The SQLite store's journal of edits (editJournal.ts, journaledAppends.ts): an append is
 * acknowledged only once the journal is flushed; whatever may read or write a draft's log first
 * sees every append made before it; a crash leaves the edits in the journal and the next open
 * stores them, and only them; a torn record or an earlier generation's records are not read;
 * a lazy claim of client ids is flushed with the append that depends on it, and leaves the
 * journal's edits where they are (a claim touches no log); a freeze hashes the journal's edits
 * and closes the log; another live server's journal is refused; a script's
 * store leaves it alone.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditJournal, JOURNAL_BYTES, type JournalRow } from '../../../server/storage/editJournal';
import { SqliteStore } from '../../../server/storage/sqlite';
import { DraftFrozen } from '../../../server/storage/types';
import { crashCopy, heldFsync, releasing, settledYet, turns } from '../../helpers/heldFsync';
import { bytes, range, seedDraft, seedUser, update } from '../../helpers/storeContract';

/** An edit stays in the journal only for this long: longer than any test here. */
const NEVER_DRAINED = 60_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'penholder-journal-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** How many rows of a draft's log the database file itself holds (read by a connection of its own). */
function rowsInSqlite(file: string, draftId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM updates WHERE draft_id = ?').get(draftId) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The rows a journal holds now (read with a handle of its own, closed at once). */
function journalRows(path: string): JournalRow[] {
  const { journal, contents } = EditJournal.open(path);
  journal.close();
  return contents.rows;
}

async function openServerStore(file: string, options: Parameters<typeof SqliteStore.open>[1] = {}): Promise<SqliteStore> {
  const store = SqliteStore.open(file, options);
  await store.migrate();
  return store;
}

describe('the journal of edits', () => {
  it('acknowledges an append only after the journal is flushed; a read meanwhile waits for that flush, not for one of SQLite, then sees it', async () => {
    const f = heldFsync();
    const store = SqliteStore.open(join(dir, 'order.sqlite'), { fsync: f.fsync });
    await releasing(store.migrate(), f.held, f.release);
    const d = await releasing(seedDraft(store), f.held, f.release);
    const append = store.appendUpdates([update(d.id, 1, 2, 3)]);
    const appended = settledYet(append);
    await turns();
    // Written to the journal, and not to SQLite: no SQL ran on its way.
    expect(f.held).toHaveLength(1);
    expect(rowsInSqlite(join(dir, 'order.sqlite'), d.id)).toBe(0);
    expect(appended()).toBe(false);
    const read = store.listUpdates(d.id);
    const readDone = settledYet(read);
    await turns();
    // The read copied the journal into SQLite first, and waits for the journal's flush: what it
    // would show is not on the disk before that returns.
    expect(readDone()).toBe(false);
    expect(rowsInSqlite(join(dir, 'order.sqlite'), d.id)).toBe(1);
    f.release();
    expect((await append)[0]!.seq).toBe(1);
    // No flush of SQLite's log on its way: the copy is durable in the journal.
    expect((await read).map((u) => u.update)).toEqual([bytes(1, 2, 3)]);
    expect(f.held).toHaveLength(0);
    // Closing flushes SQLite's log, and only then starts the journal over.
    const closing = store.close();
    await turns();
    expect(f.held).toHaveLength(1);
    expect(journalRows(join(dir, 'order.sqlite-edits'))).toHaveLength(1);
    await releasing(closing, f.held, f.release);
    expect(journalRows(join(dir, 'order.sqlite-edits'))).toHaveLength(0);
  });

  it('keeps the edits of a crash and stores them, and only them, on the next open', async () => {
    const file = join(dir, 'crash.sqlite');
    const store = await openServerStore(file, { drainMs: NEVER_DRAINED });
    const draft = await seedDraft(store);
    for (let i = 1; i <= 30; i++) await store.appendUpdates([update(draft.id, i)]);
    const copy = crashCopy(file, dir, 'crashed');
    // The crash took SQLite before it held any of them: they are in the journal only.
    expect(rowsInSqlite(copy, draft.id)).toBe(0);

    const after = await openServerStore(copy);
    expect((await after.listUpdates(draft.id)).map((u) => [u.seq, u.update])).toEqual(range(1, 30).map((i) => [i, bytes(i)]));
    expect((await after.appendUpdates([update(draft.id, 31)]))[0]!.seq).toBe(31);
    await after.close();
    // Opened again: nothing is stored twice.
    const again = await openServerStore(copy);
    expect((await again.listUpdates(draft.id)).map((u) => u.seq)).toEqual(range(1, 31));
    await again.close();
    await store.close();
  });

  it('stops at a torn record: what was flushed before it is kept', async () => {
    const file = join(dir, 'torn.sqlite');
    const store = await openServerStore(file, { drainMs: NEVER_DRAINED });
    const draft = await seedDraft(store);
    for (let i = 1; i <= 5; i++) await store.appendUpdates([update(draft.id, ...new Uint8Array(100).fill(i))]);
    const copy = crashCopy(file, dir, 'torn');
    // The last record's final bytes never reached the disk.
    const journal = readFileSync(`${copy}-edits`);
    const last = lastRecordEnd(journal);
    journal.fill(0, last - 10, last);
    writeFileSync(`${copy}-edits`, journal);
    const after = await openServerStore(copy);
    expect((await after.listUpdates(draft.id)).map((u) => u.update[0])).toEqual([1, 2, 3, 4]);
    expect((await after.appendUpdates([update(draft.id, 6)]))[0]!.seq).toBe(5);
    await after.close();
    await store.close();
  });

  it("reads only its own generation's records, not an earlier one's left past them", () => {
    const path = join(dir, 'generations-edits');
    const row = (seq: number): JournalRow => ({ draftId: 'd', seq, update: bytes(seq), userId: null, delegationId: 'x', at: '2026-12-06T00:00:00.000Z' });
    const first = EditJournal.open(path).journal;
    first.restart();
    first.append(range(1, 10).map(row));
    first.restart();
    first.append([row(11), row(12)]);
    first.close();
    const { journal, contents } = EditJournal.open(path);
    journal.close();
    expect(contents.rows.map((r) => r.seq)).toEqual([11, 12]);
    expect(contents.rows[1]).toEqual(row(12));
  });

  it('rejects the appends waiting for a failed flush, and writes nothing more to the journal', async () => {
    const f = heldFsync();
    const file = join(dir, 'failing.sqlite');
    const store = SqliteStore.open(file, { fsync: f.fsync });
    await releasing(store.migrate(), f.held, f.release);
    const d = await releasing(seedDraft(store), f.held, f.release);
    const append = store.appendUpdates([update(d.id, 1)]);
    await turns();
    f.fail();
    await expect(append).rejects.toThrow(/journal of edits could not be flushed to the disk.*EIO/);
    const before = readFileSync(`${file}-edits`);
    await expect(store.appendUpdates([update(d.id, 2)])).rejects.toThrow(/journal of edits could not be flushed/);
    expect(readFileSync(`${file}-edits`).equals(before)).toBe(true);
    await releasing(store.close(), f.held, f.release);
  });

  it("keeps the journal when a flush of SQLite's log failed: the copies of its edits may not be on the disk", async () => {
    const f = heldFsync();
    const file = join(dir, 'failedlog.sqlite');
    const store = SqliteStore.open(file, { fsync: f.fsync });
    await releasing(store.migrate(), f.held, f.release);
    const d = await releasing(seedDraft(store), f.held, f.release);
    await releasing(store.appendUpdates([update(d.id, 1, 2, 3)]), f.held, f.release);
    // A read copies the edit into SQLite without flushing its log; the next write's flush fails.
    expect(await store.listUpdates(d.id)).toHaveLength(1);
    const write = seedDraft(store);
    await turns();
    expect(f.held).toHaveLength(1);
    f.fail();
    await expect(write).rejects.toThrow(/SQLite log could not be flushed/);
    await store.close();
    // Closing did not start the journal over: the edit is still there for the next open.
    expect(journalRows(`${file}-edits`).map((r) => r.seq)).toEqual([1]);
  });

  it('flushes a lazy claim of client ids with the append that depends on it', async () => {
    const f = heldFsync();
    const store = SqliteStore.open(join(dir, 'claims.sqlite'), { fsync: f.fsync });
    await releasing(store.migrate(), f.held, f.release);
    const d = await releasing(seedDraft(store), f.held, f.release);
    const user = await releasing(seedUser(store), f.held, f.release);
    expect(await store.claimClientIds(d.id, user.id, [7])).toEqual([]);
    expect(f.held).toHaveLength(0);
    const append = store.appendUpdates([update(d.id, 1)]);
    const done = settledYet(append);
    await turns();
    // The journal's flush and SQLite's log's, which holds the claim.
    expect(f.held).toHaveLength(2);
    f.release();
    await turns();
    expect(done()).toBe(false);
    f.release();
    expect((await append)[0]!.seq).toBe(1);
    // The next append owes SQLite's log nothing: one flush.
    const next = store.appendUpdates([update(d.id, 2)]);
    await turns();
    expect(f.held).toHaveLength(1);
    f.release();
    await next;
    await releasing(store.close(), f.held, f.release);
  });

  it('leaves the edits in the journal while a claim of client ids commits: a claim touches no log', async () => {
    const file = join(dir, 'claims-apart.sqlite');
    const f = heldFsync();
    const store = SqliteStore.open(file, { fsync: f.fsync, drainMs: NEVER_DRAINED });
    await releasing(store.migrate(), f.held, f.release);
    const d = await releasing(seedDraft(store), f.held, f.release);
    const [alice, bob] = [await releasing(seedUser(store), f.held, f.release), await releasing(seedUser(store), f.held, f.release)];
    await releasing(store.appendUpdates([update(d.id, 1)]), f.held, f.release);
    expect(rowsInSqlite(file, d.id)).toBe(0);
    expect(await store.claimClientIds(d.id, alice.id, [7])).toEqual([]);
    // Any other statement copies the journal into SQLite first; the claim did not.
    expect(rowsInSqlite(file, d.id)).toBe(0);
    expect(await store.claimClientIds(d.id, bob.id, [7, 8])).toEqual([7]);
    const seqs = await releasing(store.appendUpdates([update(d.id, 2)]), f.held, f.release);
    expect(seqs.map((u) => u.seq)).toEqual([2]);
    expect((await releasing(store.listUpdates(d.id), f.held, f.release)).map((u) => u.seq)).toEqual([1, 2]);
    await releasing(store.close(), f.held, f.release);
  });

  it("hashes the journal's edits into a freeze, and refuses an append after it", async () => {
    const store = await openServerStore(join(dir, 'freeze.sqlite'), { drainMs: NEVER_DRAINED });
    const d = await seedDraft(store);
    await store.appendUpdates([update(d.id, 1), update(d.id, 2)]);
    const seen = await store.transaction(async (tx) => {
      const last = await tx.holdUpdateLog(d.id);
      const rows = await tx.listUpdates(d.id);
      await tx.appendDraftEvent({ draftId: d.id, type: 'frozen', payload: { hash: 'h' }, userId: null });
      return { last, rows: rows.length };
    });
    expect(seen).toEqual({ last: 2, rows: 2 });
    await expect(store.appendUpdates([update(d.id, 3)])).rejects.toBeInstanceOf(DraftFrozen);
    expect(await store.lastSeq(d.id)).toBe(2);
    await store.close();
  });

  it('refuses what the database would: an unknown draft, user or delegation, writing nothing', async () => {
    const store = await openServerStore(join(dir, 'refused.sqlite'));
    const d = await seedDraft(store);
    await expect(store.appendUpdates([update('no-such-draft', 1)])).rejects.toThrow(/FOREIGN KEY/);
    await expect(store.appendUpdates([{ draftId: d.id, update: bytes(1), userId: 'no-such-user', delegationId: null }])).rejects.toThrow(/FOREIGN KEY/);
    await expect(store.appendUpdates([{ draftId: d.id, update: bytes(1), userId: null, delegationId: 'no-such-delegation' }])).rejects.toThrow(/FOREIGN KEY/);
    expect((await store.appendUpdates([update(d.id, 1)]))[0]!.seq).toBe(1);
    expect(await store.lastSeq(d.id)).toBe(1);
    await store.close();
  });

  it('continues the seqs of updates written inside a transaction, and theirs continue the journal', async () => {
    const store = await openServerStore(join(dir, 'mixed.sqlite'), { drainMs: NEVER_DRAINED });
    const d = await seedDraft(store);
    await store.appendUpdates([update(d.id, 1)]);
    await store.transaction((tx) => tx.appendUpdates([update(d.id, 2)]));
    expect((await store.appendUpdates([update(d.id, 3)]))[0]!.seq).toBe(3);
    await store.transaction((tx) => tx.appendUpdates([update(d.id, 4)]));
    expect((await store.listUpdates(d.id)).map((u) => [u.seq, u.update[0]])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    await store.close();
  });

  it('is refused while another live process owns it, and taken over once that process is gone', async () => {
    const file = join(dir, 'owned.sqlite');
    const other = spawn('sleep', ['30']);
    const header = Buffer.alloc(32);
    header.writeUInt32LE(0x4a454850, 0);
    header.writeUInt32LE(1, 4);
    header.writeUInt32LE(9, 8);
    header.writeUInt32LE(other.pid!, 12);
    writeFileSync(`${file}-edits`, header);
    const store = SqliteStore.open(file);
    await expect(store.migrate()).rejects.toThrow(new RegExp(`belongs to process ${other.pid}, which is running`));
    await store.close();
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    const after = await openServerStore(file);
    const d = await seedDraft(after);
    expect((await after.appendUpdates([update(d.id, 1)]))[0]!.seq).toBe(1);
    await after.close();
  });

  it("lets a script's store beside the server's leave the journal alone", async () => {
    const file = join(dir, 'script.sqlite');
    const server = await openServerStore(file, { drainMs: NEVER_DRAINED });
    const d = await seedDraft(server);
    await server.appendUpdates([update(d.id, 1)]);
    const before = readFileSync(`${file}-edits`);
    const script = await openServerStore(file, { journal: false });
    await seedUser(script);
    await script.close();
    expect(readFileSync(`${file}-edits`).equals(before)).toBe(true);
    expect((await server.appendUpdates([update(d.id, 2)]))[0]!.seq).toBe(2);
    expect(statSync(`${file}-edits`).size).toBe(JOURNAL_BYTES);
    await server.close();
  });
});

/** Where the journal's last record ends (records: length, salt, checksum, payload). */
function lastRecordEnd(journal: Buffer): number {
  let at = 32;
  let end = at;
  const salt = journal.readUInt32LE(8);
  while (at + 12 <= journal.length) {
    const length = journal.readUInt32LE(at);
    if (length === 0 || journal.readUInt32LE(at + 4) !== salt) break;
    at += 12 + length;
    end = at;
  }
  return end;
}
