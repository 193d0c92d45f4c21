/**
 * Durability of the SQLite store, made explicit. Its connection commits with synchronous =
 * NORMAL, so a COMMIT has written the transaction to the write-ahead log (the OS holds it, and a
 * crash of the process loses nothing) without flushing it to the disk. `WalSync` flushes it: an
 * fsync of the log file, run on libuv's thread pool so that the event loop goes on meanwhile,
 * shared by every commit made before it started (group commit at the file). A write counts as
 * durable only once an fsync that began after its COMMIT has returned — the same flush that
 * synchronous = FULL would have made inside the COMMIT, minus the event loop's wait and a
 * worker thread's round trip (BENCHMARKS.md, "Durable at the floor").
 *
 * The flush is an fdatasync, as SQLite's own on Linux: it writes the log's data and whatever
 * metadata reading it back needs (the file's size when a commit made it longer), and skips only
 * its modification time. Once a checkpoint has let SQLite start the log over, commits rewrite the
 * file in place and no metadata need go to the disk at all. The durability is the same; on this
 * project's disk the two flushes took as long as each other, within its noise (BENCHMARKS.md).
 *
 * An fsync that fails leaves the log's state on the disk unknown (the kernel may have dropped
 * the pages it could not write), so the store stops taking writes: every later `sync` rejects
 * until the process restarts and SQLite recovers the log from what the disk holds.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The steps of one sync, for the profile of an edit's path (bench/editTrace.ts), on the main thread's clock. */
export interface SyncMark {
  /** When the caller asked (its COMMIT had returned). */
  asked: number;
  /** When the fsync that covers it began (later than `asked` when it waited for one in flight). */
  began: number;
  /** When that fsync returned, as the event loop heard it. */
  synced: number;
}

/**
 * Make the log file at least `bytes` long, with zeros past its end, and flush it with its new
 * size. Call while holding the database's write lock (BEGIN IMMEDIATE), so that no writer
 * appends to the log meanwhile. SQLite reads a log only up to its first frame whose checksum
 * fails, as it does after a checkpoint let it start the log over and the old frames still lie
 * past the new ones: zeros past the end are never read as frames, after a crash either. What it
 * buys: a commit then writes over blocks the file already has, so its flush writes only the
 * data, where a commit that makes the file longer must also journal the new size (0.17 ms more
 * per flush on this project's disk, BENCHMARKS.md, session 12). Returns the bytes added.
 */
export function presizeLog(path: string, bytes: number): number {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size >= bytes) return 0;
    const zeros = Buffer.alloc(Math.min(bytes - size, 1 << 20));
    for (let at = size; at < bytes; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, bytes - at), at);
    fs.fsyncSync(fd);
    return bytes - size;
  } finally {
    fs.closeSync(fd);
  }
}

/** Where the store publishes its syncs; they are timed only while someone listens. */
export const syncChannel = diagnosticsChannel.channel('penholder.storage.sync');

/** How the log file is flushed (fs.fdatasync; tests give one they control). */
export type Fsync = (fd: number, done: (err: Error | null) => void) => void;

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
  asked: number;
}

/** Group fsync of one file written in order: SQLite's write-ahead log, or the journal of edits (editJournal.ts). */
export class WalSync {
  private fd: number | null = null;
  /** Something was committed since the last fsync began. */
  private dirty = false;
  /** Copies of what is durable elsewhere (the journal's edits) were committed since the last fsync began. */
  private copies = false;
  /** The callers the running fsync will answer, or null when none runs. */
  private inFlight: Waiter[] | null = null;
  /** The callers waiting for the next fsync (they asked while one ran). */
  private waiting: Waiter[] = [];
  private failed: Error | null = null;

  constructor(
    /** The log file: the database file's name with `-wal`. */
    private readonly path: string,
    private readonly fsync: Fsync = fs.fdatasync,
    /** What the file is, for the error that stops the store. */
    private readonly what = 'the SQLite log',
  ) {}

  /** Say that a COMMIT has just returned (call it synchronously after the COMMIT). */
  committed(): void {
    this.dirty = true;
  }

  /**
   * Say that a COMMIT of copies has just returned: rows already durable in another file (the
   * journal of edits), which must not let them go before this log is flushed (`clean`), while
   * readers need not wait for that flush (`settled`).
   */
  committedCopies(): void {
    this.copies = true;
  }

  /** The error that stopped the file taking writes (a failed flush), or null. */
  get failure(): Error | null {
    return this.failed;
  }

  /** Whether everything committed so far, copies included, is on the disk (no commit waits for a flush, and none failed). */
  get clean(): boolean {
    return this.failed === null && !this.dirty && !this.copies && this.inFlight === null;
  }

  /** Resolves once an fsync that began after this call has returned: what was committed before it is durable. */
  sync(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject, asked: syncChannel.hasSubscribers ? performance.now() : 0 });
      if (this.inFlight === null) this.run();
    });
  }

  /**
   * Resolves once everything committed so far is durable, copies aside (they are durable where
   * they came from): at once when it is, with the running fsync when nothing was committed since
   * it began, else with the next one.
   */
  settled(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.dirty) return this.sync();
    const running = this.inFlight;
    if (running === null) return Promise.resolve();
    return new Promise<void>((resolve, reject) => running.push({ resolve, reject, asked: 0 }));
  }

  /** Close the log file (after the last sync). */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private run(): void {
    const batch = this.waiting;
    this.waiting = [];
    let fd: number;
    try {
      fd = this.open();
    } catch (err) {
      return this.fail(batch, err);
    }
    this.inFlight = batch;
    this.dirty = false;
    this.copies = false;
    const began = syncChannel.hasSubscribers ? performance.now() : 0;
    this.fsync(fd, (err) => {
      this.inFlight = null;
      if (err) return this.fail(batch.concat(this.waiting.splice(0)), err);
      if (syncChannel.hasSubscribers) {
        const synced = performance.now();
        for (const w of batch) if (w.asked > 0) syncChannel.publish({ asked: w.asked, began, synced } satisfies SyncMark);
      }
      for (const w of batch) w.resolve();
      if (this.waiting.length > 0) this.run();
    });
  }

  // The log file, opened once: SQLite keeps the same file for the life of the connection (it
  // rewrites it from the start after a checkpoint, and deletes it only when the last connection
  // closes, which is the store's own close, after its last sync).
  private open(): number {
    this.fd ??= fs.openSync(this.path, 'r');
    return this.fd;
  }

  private fail(batch: Waiter[], err: unknown): void {
    this.failed = new Error(`${this.what} could not be flushed to the disk (${err instanceof Error ? err.message : String(err)}); restart the server`);
    for (const w of batch) w.reject(this.failed);
  }
}
