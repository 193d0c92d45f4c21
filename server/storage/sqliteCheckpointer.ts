/**
 * The SQLite writer thread, seen from the main thread. better-sqlite3 is synchronous, so a commit
 * with synchronous = FULL holds the event loop for its whole fsync (1–16 ms), stalling every
 * socket of the process. The update log's writes therefore go to a worker thread with its own
 * connection to the same file (sqliteWriter.worker.mjs); a call resolves once the worker's COMMIT
 * has returned, i.e. once the write is durable.
 *
 * Both connections take the write lock with BEGIN IMMEDIATE and wait for each other through
 * busy_timeout; the seq counters live in the database, so seqs stay contiguous whichever
 * connection writes. The thread starts once the store is migrated (or on first use), is held
 * open only while a call is waiting (an idle writer never keeps the process alive), and is
 * started afresh after it dies: the calls it had not answered reject, the next call gets a new
 * thread.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DRAFT_FROZEN, DraftFrozen } from './updateLogWrites.mjs';

/** What the writer thread can do (the operations of sqliteWriter.worker.mjs). */
export type WriterOperation = 'appendUpdates' | 'saveCheckpoint' | 'claimClientIds' | 'settings';

/** The writer thread's connection settings, for tests and diagnostics. */
export interface WriterSettings {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  busyTimeout: number;
}

/** Options of a writer. */
export interface WriterOptions {
  /** How long a write waits for the other connection's lock, in ms. */
  busyTimeoutMs: number;
  /** Turn an error the thread reported into the store's error (e.g. a UniqueViolation). */
  translate(err: Error): unknown;
}

/**
 * The writer thread's own steps of one call, for the profile of an edit's path (bench/editPath.bench.mjs),
 * on the main thread's performance.now() clock: posted, read by the thread, its SQL run up to the
 * COMMIT, the COMMIT (and its fsync) returned, and the reply read back on the main thread.
 */
export interface WriterMark {
  op: WriterOperation;
  posted: number;
  received: number;
  written: number;
  committed: number;
  replied: number;
}

/** Where the writer publishes its steps; it times them only while someone listens. */
export const writerChannel = diagnosticsChannel.channel('penholder.storage.writer');

/** The thread's times (absolute: its timeOrigin + now()) of a call it was asked to time. */
interface ReplyTiming {
  received: number;
  written: number;
  committed: number;
}

interface Reply {
  id: number;
  timing?: ReplyTiming;
  value?: unknown;
  error?: { name?: string; message: string; code?: string; draftIds?: string[] };
}

interface Waiter {
  resolve(value: unknown): void;
  reject(err: unknown): void;
  /** Set when the call is timed: what it was, and when it was posted. */
  timed?: { op: WriterOperation; posted: number };
}

/** The worker-thread writer of one SQLite file. */
export class SqliteWriter {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 1;
  private closing: Promise<void> | null = null;
  private idle: (() => void)[] = [];

  constructor(
    private readonly file: string,
    private readonly options: WriterOptions,
  ) {}

  /**
   * Run one operation in the writer thread; resolves once its commit has returned. `transfer`
   * lists buffers of `args` to move to the thread rather than copy (the caller gives them up).
   */
  call<T>(op: WriterOperation, args?: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closing) return Promise.reject(new Error('the store is closed'));
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (err) {
      return Promise.reject(err);
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      const trace = writerChannel.hasSubscribers;
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, timed: trace ? { op, posted: performance.now() } : undefined });
      worker.postMessage({ id, op, args, trace }, transfer);
    });
  }

  /**
   * Start the thread now rather than on the first write, which would otherwise wait for it
   * (about 0.1 s: a V8 isolate, better-sqlite3, the connection).
   */
  start(): void {
    if (!this.worker && !this.closing) this.spawn();
  }

  /** The writer connection's settings (starts the thread if needed). */
  settings(): Promise<WriterSettings> {
    return this.call('settings');
  }

  /**
   * Kill the thread at once, as a crash would: unanswered calls reject, and the next call starts
   * a new thread. For tests and for a writer that stopped answering.
   */
  async terminate(): Promise<void> {
    await this.worker?.terminate();
  }

  /** Let the calls already made finish, then close the thread's connection and end it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.waiting.size > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
      const worker = this.worker;
      if (!worker) return;
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ op: 'close' });
      await exited;
    })();
    return this.closing;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./sqliteWriter.worker.mjs', import.meta.url), {
      workerData: { file: this.file, busyTimeoutMs: this.options.busyTimeoutMs },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(worker, reply));
    worker.on('error', (err) => this.abandon(worker, err));
    worker.on('exit', (code) => this.abandon(worker, new Error(`the SQLite writer thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (waiter.timed && reply.timing) {
      const mine = (t: number) => t - performance.timeOrigin;
      const { received, written, committed } = reply.timing;
      writerChannel.publish({
        ...waiter.timed,
        received: mine(received),
        written: mine(written),
        committed: mine(committed),
        replied: performance.now(),
      } satisfies WriterMark);
    }
    if (reply.error) waiter.reject(this.revive(reply.error));
    else waiter.resolve(reply.value);
    if (this.waiting.size === 0) this.becameIdle(worker);
  }

  /** The error the thread reported, as the main thread's callers expect it (structured clone keeps no class). */
  private revive(error: NonNullable<Reply['error']>): unknown {
    // A refusal, not a fault: the caller must recognise it (instanceof) to keep other drafts' edits flowing.
    if (error.code === DRAFT_FROZEN) return new DraftFrozen(error.draftIds ?? []);
    const err = Object.assign(new Error(error.message), { code: error.code });
    if (error.name) err.name = error.name;
    return this.options.translate(err);
  }

  /**
   * The thread died (an uncaught error, an exit, a terminate). Everything it had not answered
   * rejects: the caller cannot know whether it was committed, and the collaboration layer
   * treats that as "storage unavailable" and retries.
   */
  private abandon(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiters) w.reject(err);
    this.becameIdle(null);
  }

  private becameIdle(worker: Worker | null): void {
    worker?.unref();
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }
}

/**
 * A copy of `bytes` in a buffer of its own, to transfer to the thread. Posting a view would copy
 * the whole buffer under it: an update parsed out of a WebSocket frame is a view into the
 * socket's 64 KB read buffer.
 */
export function ownBytes(bytes: Uint8Array, transfer: ArrayBuffer[]): Uint8Array {
  // Not bytes.slice(): on a Buffer that is another view of the same memory.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  transfer.push(copy.buffer);
  return copy;
}
