/**
 * Flushes a test holds and releases by hand, for the SQLite store's durability tests
 * (test/server/storage/sqlite.test.ts, editJournal.test.ts): a store opened with `fsync` from
 * `heldFsync()` resolves no write until the test lets its flush return.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** An fsync the test releases by hand: each call waits in `held` until `release` (or `fail`). */
export function heldFsync() {
  const held: ((err: Error | null) => void)[] = [];
  return {
    held,
    fsync: (_fd: number, done: (err: Error | null) => void) => void held.push(done),
    /** Let the oldest fsync waiting return. */
    release: () => held.shift()!(null),
    fail: () => held.shift()!(new Error('EIO: i/o error, fsync')),
  };
}

/** Resolves after the event loop has had a few turns (what is still pending then is waiting for something). */
export const turns = () => new Promise((r) => setTimeout(r, 30));

/** `p`, with every fsync it waits for let through. */
export async function releasing<T>(p: Promise<T>, held: unknown[], release: () => void): Promise<T> {
  const done = settledYet(p);
  while (!done()) {
    await turns();
    if (held.length > 0) release();
  }
  return p;
}

/** Whether `p` has settled yet. */
export function settledYet(p: Promise<unknown>): () => boolean {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

/**
 * The SQLite files of `file` as a crash would leave them, copied while the store is open (the
 * database, its log, and the journal of edits when there is one; not the shared-memory index)
 * into `dir`/`name`; returns the copy's database file.
 */
export function crashCopy(file: string, dir: string, name: string): string {
  const into = join(dir, name);
  mkdirSync(into);
  for (const suffix of ['', '-wal', '-edits']) {
    if (existsSync(`${file}${suffix}`)) copyFileSync(`${file}${suffix}`, join(into, `penholder.sqlite${suffix}`));
  }
  return join(into, 'penholder.sqlite');
}
